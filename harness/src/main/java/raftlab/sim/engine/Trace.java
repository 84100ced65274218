package raftlab.sim.engine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The event trace, one JSON object per line, for timeline reconstruction and replay checks. When
 * neither a file nor a digest is asked for, {@link #on} is false and callers build no line at all.
 */
final class Trace implements AutoCloseable {
    final boolean on;
    private final BufferedWriter out;
    private final MessageDigest digest;
    private final StringBuilder line = new StringBuilder(256);

    Trace(Path file, boolean digest) {
        try {
            this.out = file == null ? null : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace to " + file, e);
        }
        try {
            this.digest = digest ? MessageDigest.getInstance("SHA-256") : null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.on = out != null || this.digest != null;
    }

    /** Starts a line; the caller appends {@code ,"key":value} pairs and calls {@link #end}. */
    StringBuilder begin(long timeMicros, String event) {
        line.setLength(0);
        return line.append("{\"t\":").append(timeMicros).append(",\"ev\":\"").append(event).append('"');
    }

    static StringBuilder str(StringBuilder b, String key, String value) {
        b.append(",\"").append(key).append("\":");
        if (value == null) return b.append("null");
        b.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"');
    }

    static StringBuilder num(StringBuilder b, String key, long value) {
        return b.append(",\"").append(key).append("\":").append(value);
    }

    /** A message event: the fields that let a timeline be rebuilt, never Message.toString (it prints byte arrays by identity). */
    void message(long now, String kind, String from, String to, raftlab.raft.Message m) {
        StringBuilder b = begin(now, kind);
        str(b, "from", from);
        str(b, "to", to);
        str(b, "type", m.getClass().getSimpleName());
        num(b, "term", m.term());
        if (m instanceof raftlab.raft.Message.AppendEntries a) {
            num(b, "prev", a.prevLogIndex());
            num(b, "entries", a.entries().size());
            num(b, "commit", a.leaderCommit());
        } else if (m instanceof raftlab.raft.Message.AppendResponse a) {
            str(b, "success", Boolean.toString(a.success()));
            num(b, "match", a.matchIndex());
        } else if (m instanceof raftlab.raft.Message.VoteRequest v) {
            str(b, "pre", Boolean.toString(v.preVote()));
            num(b, "lastIndex", v.lastLogIndex());
            num(b, "lastTerm", v.lastLogTerm());
        } else if (m instanceof raftlab.raft.Message.VoteResponse v) {
            str(b, "pre", Boolean.toString(v.preVote()));
            str(b, "granted", Boolean.toString(v.granted()));
        } else if (m instanceof raftlab.raft.Message.InstallSnapshot i) {
            num(b, "index", i.lastIncludedIndex());
            num(b, "offset", i.offset());
        }
        end();
    }

    void end() {
        line.append("}\n");
        String text = line.toString();
        if (digest != null) digest.update(text.getBytes(StandardCharsets.UTF_8));
        if (out != null) {
            try {
                out.write(text);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the trace", e);
            }
        }
    }

    String digestHex() { return digest == null ? null : HexFormat.of().formatHex(digest.digest()); }

    @Override public void close() {
        if (out == null) return;
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace", e);
        }
    }
}
