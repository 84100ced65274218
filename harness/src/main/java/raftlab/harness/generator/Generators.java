package raftlab.harness.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import raftlab.history.Op;

/**
 * Combinators, named as Jepsen names them. Each returns a fresh stateful generator, and passes every
 * completion it is told of on to the generators inside it, so a workload learns what its operations did
 * however it is wrapped.
 */
public final class Generators {
    private Generators() {}

    /** The same operation forever. */
    public static Generator repeat(OpSpec op) {
        return context -> new Step.Emit(op);
    }

    /** Operations drawn from a function of the context, forever. */
    public static Generator from(Function<Context, OpSpec> source) {
        return context -> new Step.Emit(source.apply(context));
    }

    /** One operation, then done. */
    public static Generator once(OpSpec op) {
        return limit(1, repeat(op));
    }

    /** At most {@code count} operations from {@code inner}. */
    public static Generator limit(long count, Generator inner) {
        return new Generator() {
            long given;
            @Override public Step next(Context context) {
                if (given >= count) return Step.DONE;
                Step step = inner.next(context);
                if (step instanceof Step.Emit) given++;
                return step;
            }
            @Override public void update(Context context, Op completion) { inner.update(context, completion); }
        };
    }

    /** Each call picks one of the generators uniformly at random; done when the chosen one is done. */
    public static Generator mix(List<Generator> choices) {
        List<Generator> copy = List.copyOf(choices);
        return new Generator() {
            @Override public Step next(Context context) { return copy.get(context.random().nextInt(copy.size())).next(context); }
            // As Jepsen's mix: every choice hears of every completion, whichever of them gave the operation.
            @Override public void update(Context context, Op completion) { for (Generator g : copy) g.update(context, completion); }
        };
    }

    /**
     * Spaces operations by a random delay, uniform in [0, 2 * mean), like Jepsen's stagger: the mean
     * per worker is {@code concurrency / rate}, so {@code concurrency} workers together give
     * {@code rate} operations per second.
     */
    public static Generator stagger(long meanNanos, Generator inner) {
        return new Generator() {
            long nextAt = Long.MIN_VALUE;
            @Override public Step next(Context context) {
                if (nextAt == Long.MIN_VALUE) nextAt = context.nowNanos() + randomDelay(context);
                if (context.nowNanos() < nextAt) return new Step.Wait(nextAt);
                Step step = inner.next(context);
                if (step instanceof Step.Emit) nextAt = Math.max(nextAt, context.nowNanos() - meanNanos) + randomDelay(context);
                return step;
            }
            @Override public void update(Context context, Op completion) { inner.update(context, completion); }
            private long randomDelay(Context context) {
                return meanNanos <= 0 ? 0 : (long) (context.random().nextDouble() * 2 * meanNanos);
            }
        };
    }

    /** Stagger for a total rate (operations per second) shared by every client thread. */
    public static Generator rate(double opsPerSecond, Generator inner) {
        return new Generator() {
            Generator staggered;
            @Override public Step next(Context context) {
                if (staggered == null) {
                    long mean = opsPerSecond <= 0 ? 0 : (long) (1e9 * context.concurrency() / opsPerSecond);
                    staggered = stagger(mean, inner);
                }
                return staggered.next(context);
            }
            @Override public void update(Context context, Op completion) {
                if (staggered != null) staggered.update(context, completion);
                else inner.update(context, completion);
            }
        };
    }

    /** Done once {@code durationNanos} have passed since this generator was first asked. */
    public static Generator timeLimit(long durationNanos, Generator inner) {
        return new Generator() {
            long deadline = Long.MIN_VALUE;
            @Override public Step next(Context context) {
                if (deadline == Long.MIN_VALUE) deadline = context.nowNanos() + durationNanos;
                if (context.nowNanos() >= deadline) return Step.DONE;
                Step step = inner.next(context);
                // A wait past the deadline would overrun it: wake at the deadline to finish instead.
                if (step instanceof Step.Wait wait && wait.untilNanos() > deadline) return new Step.Wait(deadline);
                return step;
            }
            @Override public void update(Context context, Op completion) { inner.update(context, completion); }
        };
    }

    /** Sleeps for a duration, giving nothing, then is done. */
    public static Generator sleep(long durationNanos) {
        return timeLimit(durationNanos, context -> new Step.Wait(Long.MAX_VALUE));
    }

    /** The generators one after another: the next starts when the previous is done. */
    public static Generator then(List<Generator> sequence) {
        List<Generator> copy = new ArrayList<>(sequence);
        return new Generator() {
            int at;
            int emittedBy = -1;
            @Override public Step next(Context context) {
                while (at < copy.size()) {
                    Step step = copy.get(at).next(context);
                    if (step instanceof Step.Emit) emittedBy = at;
                    if (!(step instanceof Step.Done)) return step;
                    at++;
                }
                return Step.DONE;
            }
            // A thread has one operation in flight: its completion belongs to the generator that gave it.
            @Override public void update(Context context, Op completion) {
                if (emittedBy >= 0) copy.get(emittedBy).update(context, completion);
            }
        };
    }

    /** Cycles through fresh generators from the supplier forever (or until one is done immediately). */
    public static Generator cycle(Supplier<Generator> fresh) {
        return new Generator() {
            Generator current = fresh.get();
            @Override public Step next(Context context) {
                Step step = current.next(context);
                if (!(step instanceof Step.Done)) return step;
                current = fresh.get();
                return current.next(context);
            }
            @Override public void update(Context context, Op completion) { current.update(context, completion); }
        };
    }

    /** A generator per worker thread: the factory is called once per thread with its number. */
    public static PerThread perThread(IntFunction<Generator> factory) {
        return new PerThread(factory);
    }

    /** Builds each worker's own generator; the runner calls it once per thread and phase. */
    public record PerThread(IntFunction<Generator> factory) {
        public Generator forThread(int thread) { return factory.apply(thread); }
    }
}
