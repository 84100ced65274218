package raftlab.raft;

import java.util.Arrays;

/** A snapshot a follower is receiving chunk by chunk; chunks must arrive in order, so a gap asks the leader to resend. */
final class IncomingSnapshot {
    private long index = -1;
    private long term = -1;
    private byte[] buffer = new byte[0];
    private int length;

    /** Appends the chunk if it continues what we have (or starts a snapshot); false if it does not fit. */
    boolean accept(Message.InstallSnapshot chunk) {
        if (chunk.offset() == 0) {
            index = chunk.lastIncludedIndex();
            term = chunk.lastIncludedTerm();
            length = 0;
        } else if (!matches(chunk) || chunk.offset() != length) {
            return false;
        }
        byte[] data = chunk.data();
        if (length + data.length > buffer.length) buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + data.length));
        System.arraycopy(data, 0, buffer, length, data.length);
        length += data.length;
        return true;
    }

    private boolean matches(Message.InstallSnapshot chunk) {
        return chunk.lastIncludedIndex() == index && chunk.lastIncludedTerm() == term;
    }

    /** Where the leader should resume sending {@code chunk}'s snapshot. */
    long expectedOffset(Message.InstallSnapshot chunk) { return matches(chunk) ? length : 0; }

    int length() { return length; }

    byte[] take() {
        byte[] data = Arrays.copyOf(buffer, length);
        index = -1;
        term = -1;
        length = 0;
        buffer = new byte[0];
        return data;
    }
}
