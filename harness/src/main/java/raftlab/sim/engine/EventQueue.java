package raftlab.sim.engine;

import java.util.Arrays;

/**
 * A binary heap of events ordered by (time, sequence number): two events at the same instant run in the
 * order they were scheduled, so a run never depends on anything but its seed. Keys live in primitive
 * arrays so that ordering touches no event object.
 */
final class EventQueue {
    private long[] times = new long[1024];
    private long[] seqs = new long[1024];
    private Event[] events = new Event[1024];
    private int size;
    private long nextSeq;
    private long lastTime;

    void schedule(long time, Event event) {
        if (time < lastTime) throw new IllegalStateException("event scheduled in the past: " + time + " < " + lastTime);
        if (size == times.length) grow();
        long seq = nextSeq++;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (less(times[parent], seqs[parent], time, seq)) break;
            times[i] = times[parent];
            seqs[i] = seqs[parent];
            events[i] = events[parent];
            i = parent;
        }
        times[i] = time;
        seqs[i] = seq;
        events[i] = event;
    }

    boolean isEmpty() { return size == 0; }

    long peekTime() { return times[0]; }

    /** Removes the earliest event; its time becomes {@link #lastTime}. */
    Event poll() {
        Event top = events[0];
        lastTime = times[0];
        int n = --size;
        long t = times[n];
        long s = seqs[n];
        Event e = events[n];
        events[n] = null;
        if (n > 0) {
            int i = 0;
            int half = n >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                int right = child + 1;
                if (right < n && less(times[right], seqs[right], times[child], seqs[child])) child = right;
                if (less(t, s, times[child], seqs[child])) break;
                times[i] = times[child];
                seqs[i] = seqs[child];
                events[i] = events[child];
                i = child;
            }
            times[i] = t;
            seqs[i] = s;
            events[i] = e;
        }
        return top;
    }

    long lastTime() { return lastTime; }

    int size() { return size; }

    private static boolean less(long t1, long s1, long t2, long s2) { return t1 < t2 || (t1 == t2 && s1 < s2); }

    private void grow() {
        int n = times.length * 2;
        times = Arrays.copyOf(times, n);
        seqs = Arrays.copyOf(seqs, n);
        events = Arrays.copyOf(events, n);
    }
}
