package raftlab.harness.campaign;

import java.io.PrintStream;
import java.util.function.Supplier;
import raftlab.harness.history.HistoryRecorder;

/**
 * The one live line: elapsed time, operations per second (over the last second), ok/fail/info
 * counts and the faults in force. On a terminal it rewrites itself; elsewhere (CI logs) it prints
 * a line every ten seconds.
 */
public final class LiveStatus implements AutoCloseable {
    private final PrintStream out;
    private final HistoryRecorder recorder;
    private final Supplier<String> faults;
    private final boolean terminal;
    private final Thread thread;
    private volatile boolean running = true;

    public LiveStatus(PrintStream out, HistoryRecorder recorder, Supplier<String> faults) {
        this.out = out;
        this.recorder = recorder;
        this.faults = faults;
        this.terminal = System.console() != null;
        this.thread = new Thread(this::loop, "live-status");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        long lastDone = 0;
        long lastAt = System.nanoTime();
        int tick = 0;
        while (running) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            long done = recorder.okCount() + recorder.failCount() + recorder.infoCount();
            long now = System.nanoTime();
            double rate = (done - lastDone) * 1e9 / Math.max(1, now - lastAt);
            lastDone = done;
            lastAt = now;
            tick++;
            String f = faults.get();
            String line = String.format(java.util.Locale.ROOT, "[%4ds] %6.0f ops/s  ok %d  fail %d  info %d  faults: %s",
                    recorder.now() / 1_000_000_000L, rate, recorder.okCount(), recorder.failCount(), recorder.infoCount(),
                    f == null || f.isEmpty() ? "none" : f);
            if (terminal) {
                out.print("\r\033[K" + line);
                out.flush();
            } else if (tick % 10 == 0) {
                out.println(line);
            }
        }
    }

    @Override public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (terminal) {
            out.print("\r\033[K");
            out.flush();
        }
    }
}
