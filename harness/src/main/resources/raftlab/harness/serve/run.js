// The run page's timeline and plots. Plain canvas, no library: the data comes from the inline
// #run-data element (columns of numbers), so the page also works opened from the file system.
// Only what is inside the visible time window is visited, found by binary search over operations
// sorted by start, and operations narrower than a pixel are drawn once per pixel column: a draw
// costs about what the screen can show, not what the history holds.
(function () {
  'use strict';
  var scriptStart = performance.now();
  var data = JSON.parse(document.getElementById('run-data').textContent);
  if (location.protocol === 'file:') document.body.classList.add('from-file');
  var ops = data.ops, n = ops.start.length;
  var start = Float64Array.from(ops.start), end = Float64Array.from(ops.end);
  var TYPE_NAMES = ['ok', 'failed', 'unknown (info)', 'unknown (never completed)'];
  var COLORS = ['#3a9d4a', '#e08a2c', '#8c8c8c', '#b9b9b9'];
  var BAD = '#d62828';
  var FAULT_COLORS = { partition: 'rgba(214,40,40,0.13)', kill: 'rgba(120,40,200,0.14)', pause: 'rgba(30,100,220,0.13)',
    clock: 'rgba(220,160,0,0.18)', packet: 'rgba(0,150,150,0.14)', member: 'rgba(150,90,0,0.14)' };
  var LABEL_W = 92, AXIS_H = 26, NEM_H = 20;
  var tEnd = Math.max(1, data.end);
  for (var i = 0; i < n; i++) if (end[i] > tEnd) tEnd = end[i];

  function faultColor(kind) { return FAULT_COLORS[kind] || 'rgba(100,100,100,0.13)'; }
  function lowerBound(arr, key, value) { // first k with key(arr[k]) >= value
    var lo = 0, hi = arr.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (key[arr[mid]] < value) lo = mid + 1; else hi = mid; }
    return lo;
  }
  function lowerBoundPlain(a, value) {
    var lo = 0, hi = a.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (a[mid] < value) lo = mid + 1; else hi = mid; }
    return lo;
  }

  // The operations that cannot be linearized, by their invocation's index.
  var failSet = {}; data.failures.forEach(function (ix) { failSet[ix] = true; });
  var failing = [], firstFailure = -1;
  for (i = 0; i < n; i++) if (failSet[ops.index[i]]) {
    failing.push(i);
    if (firstFailure < 0 || start[i] < start[firstFailure]) firstFailure = i;
  }

  // Per lane: operations sorted by start, split into ordinary ones (searched from start - longest
  // ordinary duration) and the few long ones (never-completed operations span the rest of the run).
  var laneCount = data.processes.length;
  var durations = new Float64Array(n);
  for (i = 0; i < n; i++) durations[i] = end[i] - start[i];
  var sorted = Float64Array.from(durations).sort();
  var longThreshold = n ? Math.max(1, sorted[Math.floor(0.99 * (n - 1))]) : 1;
  var lanes = [];
  for (var l = 0; l < laneCount; l++) lanes.push({ ordinary: [], long: [], longest: 0 });
  for (i = 0; i < n; i++) {
    var lane = lanes[ops.lane[i]];
    if (durations[i] > longThreshold) lane.long.push(i);
    else { lane.ordinary.push(i); if (durations[i] > lane.longest) lane.longest = durations[i]; }
  }
  var allByStart = new Int32Array(n); for (i = 0; i < n; i++) allByStart[i] = i; // ops arrive sorted by start
  var endsByType = [[], [], []];
  for (i = 0; i < n; i++) if (ops.type[i] < 3) endsByType[ops.type[i]].push(end[i]);
  endsByType = endsByType.map(function (a) { return Float64Array.from(a).sort(); });
  var latencyMax = 1, latencyMin = Infinity;
  for (i = 0; i < n; i++) if (ops.type[i] < 3) { latencyMax = Math.max(latencyMax, durations[i]); latencyMin = Math.min(latencyMin, Math.max(1, durations[i])); }
  if (!isFinite(latencyMin)) latencyMin = 1;

  var canvas = document.getElementById('timeline'), box = document.getElementById('timeline-box');
  var tooltip = document.getElementById('tooltip');
  var latencyCanvas = document.getElementById('latency'), rateCanvas = document.getElementById('rate');
  var laneH = laneCount <= 24 ? 20 : laneCount <= 60 ? 14 : 8;
  var view = { t0: 0, t1: tEnd * 1.01, scrollY: 0 };
  var stats = { draws: 0, lastDrawMillis: 0, firstDrawMillis: -1, firstDrawAt: -1, drawnOps: 0, visibleOps: 0 };
  var width = 800, height = 300, plotW = 700, ratio = window.devicePixelRatio || 1;
  var hoverOp = -1, pinnedOp = -1;

  function lanesHeight() { return laneCount * laneH; }
  function size() {
    width = Math.max(300, box.clientWidth);
    height = Math.min(640, AXIS_H + NEM_H + lanesHeight() + 6);
    plotW = width - LABEL_W - 8;
    [[canvas, height], [latencyCanvas, 220], [rateCanvas, 160]].forEach(function (c) {
      c[0].width = Math.round(width * ratio); c[0].height = Math.round(c[1] * ratio);
      c[0].style.height = c[1] + 'px';
    });
  }
  function x(t) { return LABEL_W + (t - view.t0) / (view.t1 - view.t0) * plotW; }
  function tAt(px) { return view.t0 + (px - LABEL_W) / plotW * (view.t1 - view.t0); }
  function fmtTime(us) {
    if (Math.abs(us) >= 1e6) return (us / 1e6).toFixed(3) + ' s';
    if (Math.abs(us) >= 1e3) return (us / 1e3).toFixed(2) + ' ms';
    return Math.round(us) + ' µs';
  }
  function niceStep(raw) {
    var p = Math.pow(10, Math.floor(Math.log10(raw))), m = raw / p;
    return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
  }
  function tickLabel(t, step) {
    if (step >= 1e6) return (t / 1e6).toFixed(Math.max(0, -Math.floor(Math.log10(step / 1e6)))) + ' s';
    if (step >= 1e3) return (t / 1e3).toFixed(Math.max(0, -Math.floor(Math.log10(step / 1e3)))) + ' ms';
    return Math.round(t) + ' µs';
  }

  function drawBands(ctx, top, bottom) {
    data.faults.forEach(function (f) {
      if (f.end < view.t0 || f.start > view.t1) return;
      var x0 = Math.max(LABEL_W, x(f.start)), x1 = Math.min(width, x(f.end));
      ctx.fillStyle = faultColor(f.kind);
      ctx.fillRect(x0, top, Math.max(1, x1 - x0), bottom - top);
    });
  }
  function drawAxis(ctx, top, bottom, labels) {
    var step = niceStep((view.t1 - view.t0) / Math.max(2, plotW / 120));
    ctx.strokeStyle = '#e5e7eb'; ctx.fillStyle = '#4b5563'; ctx.lineWidth = 1; ctx.font = '11px sans-serif'; ctx.textAlign = 'center';
    for (var t = Math.ceil(view.t0 / step) * step; t <= view.t1; t += step) {
      var px = Math.round(x(t)) + 0.5;
      if (px < LABEL_W) continue;
      ctx.beginPath(); ctx.moveTo(px, top); ctx.lineTo(px, bottom); ctx.stroke();
      var text = tickLabel(t, step);
      if (labels && px - ctx.measureText(text).width / 2 > LABEL_W) ctx.fillText(text, px, labels);
    }
    ctx.textAlign = 'left';
  }

  function drawTimeline() {
    var t0 = performance.now();
    var ctx = canvas.getContext('2d');
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    drawBands(ctx, AXIS_H, height);
    drawAxis(ctx, AXIS_H - 4, height, 14);
    // The nemesis lane: fault names on their bands, a tick per nemesis operation.
    ctx.font = '11px sans-serif';
    data.faults.forEach(function (f) {
      if (f.end < view.t0 || f.start > view.t1) return;
      var x0 = Math.max(LABEL_W, x(f.start)), x1 = Math.min(width, x(f.end));
      ctx.fillStyle = faultColor(f.kind).replace(/0\.1\d\)/, '0.45)');
      ctx.fillRect(x0, AXIS_H + 2, Math.max(1, x1 - x0), NEM_H - 4);
      if (x1 - x0 > 50) { ctx.fillStyle = '#1d2330'; ctx.save(); ctx.beginPath(); ctx.rect(x0, AXIS_H, x1 - x0, NEM_H); ctx.clip(); ctx.fillText(f.kind, x0 + 4, AXIS_H + 14); ctx.restore(); }
    });
    ctx.fillStyle = '#1d2330';
    data.nemesis.forEach(function (m) {
      if (m.time < view.t0 || m.time > view.t1) return;
      ctx.fillRect(Math.round(x(m.time)), AXIS_H + 1, 1.5, NEM_H - 2);
    });
    var top = AXIS_H + NEM_H;
    ctx.save(); ctx.beginPath(); ctx.rect(LABEL_W, top, width - LABEL_W, height - top); ctx.clip();
    var firstLane = Math.max(0, Math.floor(view.scrollY / laneH)), lastLane = Math.min(laneCount - 1, Math.floor((view.scrollY + height - top) / laneH));
    var drawn = 0, visible = 0, showText = laneH >= 14;
    ctx.font = '10px sans-serif';
    for (var l = firstLane; l <= lastLane; l++) {
      var lane = lanes[l], y = top + l * laneH - view.scrollY;
      var lastPx = -1, lastColor = -1;
      var k = lowerBound(lane.ordinary, start, view.t0 - lane.longest);
      for (; k < lane.ordinary.length; k++) {
        var i = lane.ordinary[k];
        if (start[i] > view.t1) break;
        if (end[i] < view.t0) continue;
        visible++;
        var x0 = x(start[i]), w = (end[i] - start[i]) / (view.t1 - view.t0) * plotW, px = Math.floor(x0);
        if (w < 1 && px === lastPx && ops.type[i] === lastColor) continue; // this pixel column is already painted
        lastPx = px; lastColor = ops.type[i];
        drawOp(ctx, i, x0, Math.max(1, w), y, showText); drawn++;
      }
      lane.long.forEach(function (i) {
        if (end[i] < view.t0 || start[i] > view.t1) return;
        visible++; drawn++;
        drawOp(ctx, i, x(start[i]), Math.max(1, (end[i] - start[i]) / (view.t1 - view.t0) * plotW), y, showText);
      });
    }
    failing.forEach(function (i) { // on top and at least 4 px wide, so it can be found at any zoom
      var y = top + ops.lane[i] * laneH - view.scrollY, x0 = x(start[i]), w = Math.max(4, x(end[i]) - x0);
      ctx.fillStyle = BAD; ctx.fillRect(x0, y + 1, w, laneH - 2);
      ctx.strokeStyle = '#000'; ctx.lineWidth = 1.5; ctx.strokeRect(x0, y + 1, w, laneH - 2);
      if (showText && w > 40) { ctx.fillStyle = '#fff'; ctx.fillText(label(i), x0 + 3, y + laneH - 5); }
    });
    var mark = pinnedOp >= 0 ? pinnedOp : hoverOp;
    if (mark >= 0) {
      var my = top + ops.lane[mark] * laneH - view.scrollY, mx = x(start[mark]);
      ctx.strokeStyle = '#1f5fbf'; ctx.lineWidth = 2; ctx.strokeRect(mx - 2, my - 1, Math.max(4, x(end[mark]) - mx) + 4, laneH + 2);
    }
    ctx.restore();
    // Lane labels over a plain gutter.
    ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, LABEL_W, height);
    ctx.fillStyle = '#1d2330'; ctx.font = (laneH >= 12 ? 11 : 8) + 'px sans-serif';
    ctx.fillText('nemesis', 6, AXIS_H + 14);
    for (l = firstLane; l <= lastLane; l++) {
      var ly = top + l * laneH - view.scrollY;
      if (ly < top - 1) continue;
      ctx.fillText('process ' + data.processes[l], 6, ly + laneH - (laneH >= 12 ? 5 : 1));
    }
    ctx.strokeStyle = '#d1d5db'; ctx.beginPath(); ctx.moveTo(LABEL_W - 0.5, 0); ctx.lineTo(LABEL_W - 0.5, height); ctx.stroke();
    stats.drawnOps = drawn; stats.visibleOps = visible;
    stats.draws++; stats.lastDrawMillis = performance.now() - t0;
    document.getElementById('view-range').textContent = 'showing ' + fmtTime(Math.max(0, view.t0)) + ' to ' + fmtTime(view.t1) + ', '
      + visible.toLocaleString('en') + ' of ' + n.toLocaleString('en') + ' operations';
  }
  function label(i) { return data.fs[ops.f[i]] + ' ' + ops.value[i]; }
  function drawOp(ctx, i, x0, w, y, showText) {
    ctx.fillStyle = COLORS[ops.type[i]];
    ctx.fillRect(x0, y + 1, w, laneH - 2);
    if (showText && w > 36) {
      ctx.save(); ctx.beginPath(); ctx.rect(x0, y, w - 2, laneH); ctx.clip();
      ctx.fillStyle = '#fff'; ctx.fillText(label(i), Math.max(x0, LABEL_W) + 3, y + laneH - 5); ctx.restore();
    }
  }

  function drawLatency() {
    var ctx = latencyCanvas.getContext('2d'), h = 220, top = 10, bottom = h - 24;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0); ctx.clearRect(0, 0, width, h);
    drawBands(ctx, top, bottom);
    drawAxis(ctx, top, bottom, h - 8);
    var lmin = Math.log10(latencyMin), lmax = Math.log10(latencyMax) + 0.05;
    function y(us) { return bottom - (Math.log10(Math.max(us, latencyMin)) - lmin) / Math.max(0.1, lmax - lmin) * (bottom - top); }
    ctx.fillStyle = '#4b5563'; ctx.font = '11px sans-serif';
    for (var d = Math.pow(10, Math.floor(lmin)); d <= latencyMax * 10; d *= 10) {
      if (d < latencyMin / 1.01) continue;
      var py = y(d); if (py < top) break;
      ctx.fillText(d >= 1e6 ? d / 1e6 + ' s' : d >= 1e3 ? d / 1e3 + ' ms' : d + ' µs', 4, py + 4);
      ctx.fillRect(LABEL_W - 4, py, 4, 1);
    }
    var painted = new Uint8Array(Math.ceil(width) * Math.ceil(h) * 3);
    var lo = lowerBoundPlain(start, view.t0 - 0), hi = lowerBoundPlain(start, view.t1);
    for (var k = lo; k < hi; k++) {
      var type = ops.type[k]; if (type > 2) continue;
      var px = Math.round(x(start[k])), py2 = Math.round(y(durations[k]));
      var cell = (py2 * Math.ceil(width) + px) * 3 + type;
      if (painted[cell]) continue; painted[cell] = 1;
      ctx.fillStyle = failSet[ops.index[k]] ? BAD : COLORS[type];
      ctx.fillRect(px - 1, py2 - 1, 2.5, 2.5);
    }
    ctx.fillStyle = '#1d2330'; ctx.fillText('latency (log)', LABEL_W + 6, top + 10);
  }

  function drawRate() {
    var ctx = rateCanvas.getContext('2d'), h = 160, top = 10, bottom = h - 24;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0); ctx.clearRect(0, 0, width, h);
    drawBands(ctx, top, bottom);
    drawAxis(ctx, top, bottom, h - 8);
    // Each point counts completions in a window of at least 100 ms around it, so a close zoom shows a rate, not single operations.
    var buckets = Math.max(10, Math.floor(plotW / 4)), span = (view.t1 - view.t0) / buckets, window_ = Math.max(span, 100000), series = [], max = 1;
    for (var type = 0; type < 3; type++) {
      var ends = endsByType[type], s = new Float64Array(buckets);
      for (var b = 0; b < buckets; b++) {
        var b0 = view.t0 + (b + 0.5) * span - window_ / 2;
        s[b] = (lowerBoundPlain(ends, b0 + window_) - lowerBoundPlain(ends, b0)) / (window_ / 1e6);
        if (s[b] > max) max = s[b];
      }
      series.push(s);
    }
    ctx.fillStyle = '#4b5563'; ctx.font = '11px sans-serif';
    ctx.fillText(Math.round(max).toLocaleString('en') + ' /s', 4, top + 8); ctx.fillText('0', 4, bottom);
    series.forEach(function (s, type) {
      ctx.strokeStyle = COLORS[type]; ctx.lineWidth = 1.5; ctx.beginPath();
      for (var b = 0; b < buckets; b++) {
        var px = LABEL_W + (b + 0.5) / buckets * plotW, py = bottom - s[b] / max * (bottom - top);
        if (b === 0) ctx.moveTo(px, py); else ctx.lineTo(px, py);
      }
      ctx.stroke();
    });
    ctx.fillStyle = '#1d2330'; ctx.fillText('completions per second: ok, failed, unknown', LABEL_W + 6, top + 10);
  }

  var pending = false;
  function drawAll() { pending = false; drawTimeline(); drawLatency(); drawRate(); }
  function redraw() { if (!pending) { pending = true; requestAnimationFrame(drawAll); } }

  function clampView() {
    var span = Math.max(10, view.t1 - view.t0), whole = tEnd * 1.02;
    if (span > whole) span = whole;
    if (view.t0 < -0.01 * tEnd) view.t0 = -0.01 * tEnd;
    if (view.t0 + span > whole) view.t0 = whole - span;
    view.t1 = view.t0 + span;
    var maxScroll = Math.max(0, lanesHeight() - (height - AXIS_H - NEM_H));
    view.scrollY = Math.min(maxScroll, Math.max(0, view.scrollY));
  }
  function zoomAt(t, factor) {
    view.t0 = t - (t - view.t0) * factor; view.t1 = t + (view.t1 - t) * factor;
    clampView(); redraw();
  }

  function hit(px, py) {
    if (py < AXIS_H + NEM_H || px < LABEL_W) return -1;
    var l = Math.floor((py - AXIS_H - NEM_H + view.scrollY) / laneH);
    if (l < 0 || l >= laneCount) return -1;
    var t = tAt(px), slack = 3 / plotW * (view.t1 - view.t0), best = -1;
    function consider(i) {
      var w = Math.max(failSet[ops.index[i]] ? 4 : 1, x(end[i]) - x(start[i]));
      if (px < x(start[i]) - 3 || px > x(start[i]) + w + 3) return;
      if (best < 0 || (failSet[ops.index[i]] && !failSet[ops.index[best]]) || durations[i] < durations[best]) best = i;
    }
    var lane = lanes[l];
    for (var k = lowerBound(lane.ordinary, start, t - lane.longest - slack); k < lane.ordinary.length; k++) {
      var i = lane.ordinary[k]; if (start[i] > t + slack) break; consider(i);
    }
    lane.long.forEach(consider);
    failing.forEach(function (i) { if (ops.lane[i] === l) consider(i); });
    return best;
  }
  function describe(i) {
    var lines = [label(i) + '  →  ' + TYPE_NAMES[ops.type[i]] + (failSet[ops.index[i]] ? '  (cannot be linearized)' : '')];
    lines.push('process ' + data.processes[ops.lane[i]] + (ops.node[i] >= 0 ? ', answered by node ' + data.nodes[ops.node[i]] : ''));
    lines.push('invoked at ' + fmtTime(start[i]) + (ops.type[i] === 3 ? ', never completed'
      : ', completed at ' + fmtTime(end[i]) + ' (' + fmtTime(durations[i]) + ')'));
    if (ops.error[i] >= 0) lines.push('error ' + data.errors[ops.error[i]]);
    lines.push('history index ' + ops.index[i]);
    return lines.join('\n');
  }
  function describeFault(px, py) {
    if (py < AXIS_H || py >= AXIS_H + NEM_H || px < LABEL_W) return null;
    var t = tAt(px), slack = 4 / plotW * (view.t1 - view.t0), lines = [];
    data.nemesis.forEach(function (m) { if (Math.abs(m.time - t) <= slack) lines.push(fmtTime(m.time) + ': ' + m.f + ' ' + m.value + (m.error ? ' (' + m.error + ')' : '')); });
    if (!lines.length) data.faults.forEach(function (f) {
      if (t >= f.start && t <= f.end) lines.push(f.kind + ' from ' + fmtTime(f.start) + ' to ' + fmtTime(f.end) + (f.value && f.value !== 'nil' ? '\n' + f.value : ''));
    });
    return lines.length ? lines.join('\n') : null;
  }
  function showTooltip(text, px, py) {
    if (!text) { tooltip.hidden = true; return; }
    tooltip.textContent = text; tooltip.hidden = false;
    var left = Math.min(px + 14, width - tooltip.offsetWidth - 4);
    tooltip.style.left = Math.max(0, left) + 'px'; tooltip.style.top = (py + 16) + 'px';
  }

  var drag = null;
  canvas.addEventListener('mousedown', function (e) {
    drag = { x: e.offsetX, y: e.offsetY, t0: view.t0, t1: view.t1, scrollY: view.scrollY, moved: false };
    canvas.classList.add('dragging');
  });
  window.addEventListener('mouseup', function () { drag = null; canvas.classList.remove('dragging'); });
  canvas.addEventListener('mousemove', function (e) {
    if (drag) {
      var dt = (e.offsetX - drag.x) / plotW * (drag.t1 - drag.t0);
      view.t0 = drag.t0 - dt; view.t1 = drag.t1 - dt; view.scrollY = drag.scrollY - (e.offsetY - drag.y);
      clampView(); tooltip.hidden = true; redraw(); return;
    }
    var i = hit(e.offsetX, e.offsetY);
    if (i !== hoverOp) { hoverOp = i; pinnedOp = -1; redraw(); }
    showTooltip(i >= 0 ? describe(i) : describeFault(e.offsetX, e.offsetY), e.offsetX, e.offsetY);
  });
  canvas.addEventListener('mouseleave', function () { tooltip.hidden = pinnedOp < 0; if (hoverOp >= 0) { hoverOp = -1; redraw(); } });
  canvas.addEventListener('wheel', function (e) {
    e.preventDefault();
    if (e.shiftKey) { view.scrollY += e.deltaY; clampView(); redraw(); return; }
    zoomAt(tAt(Math.max(LABEL_W, e.offsetX)), e.deltaY > 0 ? 1.25 : 0.8);
  }, { passive: false });
  document.getElementById('zoom-in').onclick = function () { zoomAt((view.t0 + view.t1) / 2, 0.5); };
  document.getElementById('zoom-out').onclick = function () { zoomAt((view.t0 + view.t1) / 2, 2); };
  document.getElementById('zoom-all').onclick = function () { view.t0 = 0; view.t1 = tEnd * 1.01; clampView(); pinnedOp = -1; tooltip.hidden = true; redraw(); };
  var jump = document.getElementById('jump-failure');
  if (firstFailure >= 0) jump.disabled = false; else jump.title = 'every operation could be linearized';
  jump.onclick = function () {
    var i = firstFailure, span = Math.max(durations[i] * 14, 2000);
    view.t0 = start[i] - span * 0.45; view.t1 = view.t0 + span;
    view.scrollY = ops.lane[i] * laneH - (height - AXIS_H - NEM_H) / 2;
    clampView(); pinnedOp = i; drawAll();
    showTooltip(describe(i), Math.min(width - 200, x(end[i])), AXIS_H + NEM_H + ops.lane[i] * laneH - view.scrollY);
  };
  window.addEventListener('resize', function () { size(); clampView(); redraw(); });

  // Test and benchmark hooks: how long drawing takes, and the view, without reaching into closures.
  window.raftlabTimeline = {
    stats: stats, operations: n, lanes: laneCount, firstFailure: firstFailure,
    view: function () { return [view.t0, view.t1]; },
    zoom: function (factor) { zoomAt((view.t0 + view.t1) / 2, factor); var t = performance.now(); drawAll(); return performance.now() - t; },
    describeFirstFailure: function () { return firstFailure >= 0 ? describe(firstFailure) : null; },
    // Where operation i is drawn now, in CSS pixels from the canvas's top left corner (its middle).
    positionOf: function (i) {
      return { x: (x(start[i]) + Math.max(x(start[i]) + 4, x(end[i]))) / 2, y: AXIS_H + NEM_H + ops.lane[i] * laneH - view.scrollY + laneH / 2 };
    }
  };

  // The picture of the counterexample already sits in the page; here the timeline gets its first draw.
  size(); clampView(); drawAll();
  stats.firstDrawMillis = performance.now() - scriptStart;
  stats.firstDrawAt = performance.now(); // since the navigation began
})();
