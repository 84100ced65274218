package raftlab.harness.client;

import java.util.function.Consumer;
import raftlab.harness.generator.OpSpec;

/**
 * The client of one process, in every lab: it performs one operation at a time on the cluster and says
 * how it ended through {@link Answers}. The network client ({@link KvClient}) answers before
 * {@code invoke} returns; the simulator's answers later, in virtual time. A client never retries an
 * operation that may have been received: the process is retired instead.
 */
public interface Client extends AutoCloseable {
    void invoke(OpSpec op, Consumer<Completion> done);

    @Override default void close() {}
}
