package raftlab.harness.store;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import raftlab.harness.runner.RunRecord;
import raftlab.history.Op;
import raftlab.history.OpType;

/** latency-raw.png and rate.png, as Jepsen draws them, with the windows where faults were in force shaded. */
public final class Charts {
    private static final Color[] FAULT_COLORS = {new Color(255, 170, 170, 90), new Color(170, 170, 255, 90), new Color(170, 230, 170, 90),
            new Color(240, 210, 140, 90), new Color(210, 170, 230, 90), new Color(170, 220, 230, 90)};

    private Charts() {}

    /** One point per completed client operation: completion time (s) against latency (ms), by function and outcome. */
    public static void latencyRaw(List<Op> history, List<RunRecord.FaultWindow> windows, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(1000).height(500).title("latency (raw)").xAxisTitle("time (s)").yAxisTitle("latency (ms)").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(3);
        chart.getStyler().setYAxisLogarithmic(true);
        Map<Long, Op> open = new HashMap<>();
        TreeMap<String, List<double[]>> series = new TreeMap<>();
        double maxLatency = 1;
        for (Op op : history) {
            if (op.isNemesis()) continue;
            if (op.type() == OpType.INVOKE) { open.put(op.process(), op); continue; }
            Op invoke = open.remove(op.process());
            if (invoke == null) continue;
            double latencyMs = Math.max(0.01, (op.time() - invoke.time()) / 1e6);
            maxLatency = Math.max(maxLatency, latencyMs);
            series.computeIfAbsent(op.f() + " " + op.type().keyword(), k -> new ArrayList<>()).add(new double[] {op.time() / 1e9, latencyMs});
        }
        shade(chart, windows, 0.01, maxLatency * 1.5);
        addSeries(chart, series, true);
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** Completions per second, one line per function and outcome. */
    public static void rate(List<Op> history, List<RunRecord.FaultWindow> windows, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(1000).height(500).title("rate").xAxisTitle("time (s)").yAxisTitle("operations per second").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        TreeMap<String, TreeMap<Long, Integer>> counts = new TreeMap<>();
        long lastSecond = 0;
        for (Op op : history) {
            if (op.isNemesis() || op.type() == OpType.INVOKE) continue;
            long second = op.time() / 1_000_000_000L;
            lastSecond = Math.max(lastSecond, second);
            counts.computeIfAbsent(op.f() + " " + op.type().keyword(), k -> new TreeMap<>()).merge(second, 1, Integer::sum);
        }
        double max = 1;
        TreeMap<String, List<double[]>> series = new TreeMap<>();
        for (var entry : counts.entrySet()) {
            List<double[]> points = new ArrayList<>();
            for (long s = 0; s <= lastSecond; s++) {
                int n = entry.getValue().getOrDefault(s, 0);
                max = Math.max(max, n);
                points.add(new double[] {s + 0.5, n});
            }
            series.put(entry.getKey(), points);
        }
        shade(chart, windows, 0, max * 1.1);
        addSeries(chart, series, false);
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void addSeries(XYChart chart, TreeMap<String, List<double[]>> series, boolean markersOnly) {
        if (series.isEmpty()) {
            // XChart refuses an empty chart; an empty run still gets its picture.
            XYSeries s = chart.addSeries("no operations", new double[] {0}, new double[] {markersOnly ? 0.01 : 0});
            s.setMarker(SeriesMarkers.NONE);
            return;
        }
        for (var entry : series.entrySet()) {
            double[] xs = entry.getValue().stream().mapToDouble(p -> p[0]).toArray();
            double[] ys = entry.getValue().stream().mapToDouble(p -> p[1]).toArray();
            XYSeries s = chart.addSeries(entry.getKey(), xs, ys);
            if (markersOnly) s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            else s.setMarker(SeriesMarkers.NONE);
        }
    }

    /** Each fault window as a translucent area behind the data; one legend entry per kind of fault. */
    private static void shade(XYChart chart, List<RunRecord.FaultWindow> windows, double low, double high) {
        Map<String, Integer> kinds = new TreeMap<>();
        for (RunRecord.FaultWindow w : windows) kinds.putIfAbsent(w.kind(), kinds.size());
        Map<String, Integer> seen = new HashMap<>();
        for (RunRecord.FaultWindow w : windows) {
            if (w.endNanos() < 0) continue;
            int n = seen.merge(w.kind(), 1, Integer::sum);
            double a = w.startNanos() / 1e9;
            double b = w.endNanos() / 1e9;
            String name = n == 1 ? w.kind() : w.kind() + " #" + n;
            XYSeries s = chart.addSeries(name, new double[] {a, a, b, b}, new double[] {low, high, high, low});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            s.setMarker(SeriesMarkers.NONE);
            Color color = FAULT_COLORS[kinds.get(w.kind()) % FAULT_COLORS.length];
            s.setFillColor(color);
            s.setLineColor(color);
            s.setShowInLegend(n == 1);
        }
    }
}
