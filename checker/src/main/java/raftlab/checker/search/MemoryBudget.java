package raftlab.checker.search;

import java.util.concurrent.atomic.AtomicLong;

/** Bytes the searches of one check may hold in their caches, shared by the keys checked in parallel. */
public final class MemoryBudget {
    private final long limitBytes;
    private final AtomicLong usedBytes = new AtomicLong();

    public MemoryBudget(long limitBytes) { this.limitBytes = limitBytes; }

    /** Takes {@code bytes} from the budget, or nothing and false when that would pass the bound. */
    public boolean reserve(long bytes) {
        while (true) {
            long used = usedBytes.get();
            if (used + bytes > limitBytes) return false;
            if (usedBytes.compareAndSet(used, used + bytes)) return true;
        }
    }

    public void release(long bytes) { usedBytes.addAndGet(-bytes); }

    public long limitBytes() { return limitBytes; }
}
