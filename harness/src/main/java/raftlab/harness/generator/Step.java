package raftlab.harness.generator;

/** What a generator answers a worker: do this, wait until then, or nothing more. */
public sealed interface Step permits Step.Emit, Step.Wait, Step.Done {
    /** Perform this operation now. */
    record Emit(OpSpec op) implements Step {}

    /** Ask again at this time (nanoseconds since the test began), or earlier if woken. */
    record Wait(long untilNanos) implements Step {}

    /** This generator has nothing more to give to this worker. */
    record Done() implements Step {}

    Done DONE = new Done();
}
