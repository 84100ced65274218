package raftlab.raft;

/** The name of a Raft server, such as {@code n1}. Ordered by name so that every iteration is deterministic. */
public record NodeId(String value) implements Comparable<NodeId> {
    public NodeId {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("a node id must not be blank");
    }

    public static NodeId of(String value) { return new NodeId(value); }

    @Override public int compareTo(NodeId other) { return value.compareTo(other.value); }

    @Override public String toString() { return value; }
}
