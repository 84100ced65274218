package raftlab.harness.lab;

import java.time.Duration;

/**
 * Flips one node's clock between real time and real time plus an offset every period, on a
 * thread of its own, until stopped. Periods are a second or more because libfaketime re-reads
 * its offset file about once a second.
 */
final class ClockStrobe {
    private final Lab lab;
    private final String node;
    private final Duration offset;
    private final Duration period;
    private volatile boolean running = true;
    private Thread thread;

    ClockStrobe(Lab lab, String node, Duration offset, Duration period) {
        this.lab = lab;
        this.node = node;
        this.offset = offset;
        this.period = period;
    }

    void start() {
        thread = new Thread(() -> {
            boolean shifted = false;
            while (running) {
                shifted = !shifted;
                try {
                    lab.setClockOffset(node, shifted ? offset : Duration.ZERO);
                    Thread.sleep(period.toMillis());
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // The lab may be tearing down; the strobe simply ends.
                    return;
                }
            }
        }, "clock-strobe-" + node);
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lab.setClockOffset(node, Duration.ZERO);
    }
}
