package raftlab.harness.runner;

import java.util.SplittableRandom;

/** One seed for the whole test, split into a stream per worker and phase, so each stream depends on the seed alone. */
public final class Seeds {
    private Seeds() {}

    /** The random stream of one worker in one phase; the nemesis is thread -1. */
    public static SplittableRandom stream(long seed, int phase, int thread) {
        return new SplittableRandom(mix(seed ^ mix(((long) phase << 32) ^ (thread & 0xffffffffL))));
    }

    /** SplitMix64's finalizer: nearby inputs give unrelated outputs. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
