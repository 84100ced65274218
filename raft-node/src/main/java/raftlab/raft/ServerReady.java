package raftlab.raft;

import java.util.List;

/**
 * What the caller must do, in this order, then call {@link RaftServer#advance}:
 * <ol>
 * <li>persist {@code snapshot} if not null (and drop every stored entry at or below its index),
 *     then {@code entries} (any stored entry at or after the first one's index is replaced),
 *     then {@code hardState} if not null, and fsync all of it;</li>
 * <li>send {@code messages};</li>
 * <li>deliver {@code replies} to clients.</li>
 * </ol>
 * Messages must not leave before the state they depend on is durable.
 * {@code applied} lists the entries applied to the state machine in this step (the simulator checks
 * state machine safety with it); {@code notes} narrates decisions with their reasons when
 * {@link RaftConfig#explain} is on, and is empty otherwise. {@code warnings} are always filled: events an
 * operator must hear of, such as a follower whose log went backwards.
 */
public record ServerReady(HardState hardState, Snapshot snapshot, List<Entry> entries,
                          List<Message> messages, List<ClientReply> replies,
                          List<Entry> applied, List<String> notes, List<String> warnings) {
    public ServerReady(HardState hardState, Snapshot snapshot, List<Entry> entries, List<Message> messages,
                       List<ClientReply> replies, List<Entry> applied, List<String> notes) {
        this(hardState, snapshot, entries, messages, replies, applied, notes, List.of());
    }

    public boolean mustPersist() { return hardState != null || snapshot != null || !entries.isEmpty(); }
}
