package raftlab.harness.schedule;

/**
 * What an entry of a schedule waits for, once its {@code :at} offset has passed and the entry before it has ended:
 * nothing, the next leader elected ({@code :on :leader-elected}), or the next write a client saw acknowledged
 * ({@code :after :ok-write}). Triggers aim a fault at the moment a bug shows: a leader cut off right after it
 * acknowledged a write, a node killed right after one.
 */
public enum Trigger {
    NONE(null, null),
    LEADER_ELECTED("on", "leader-elected"),
    OK_WRITE("after", "ok-write");

    /** The key an entry writes it under ({@code :on} or {@code :after}), and the keyword it names. */
    public final String key;
    public final String event;

    Trigger(String key, String event) {
        this.key = key;
        this.event = event;
    }

    /** The trigger {@code :key :event} names. */
    static Trigger of(String key, String event) {
        for (Trigger t : values()) if (t != NONE && t.key.equals(key) && t.event.equals(event)) return t;
        throw new IllegalArgumentException("unknown trigger :" + key + " :" + event + "; use :on :leader-elected or :after :ok-write");
    }
}
