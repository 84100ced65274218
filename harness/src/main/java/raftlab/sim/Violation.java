package raftlab.sim;

/**
 * An invariant that did not hold. The first one stops the run.
 *
 * @param invariant  which rule
 * @param timeMicros virtual time at which it was seen
 * @param node       the node it was seen on (null for the whole cluster)
 * @param detail     one sentence with the numbers
 * @param underBug   a bug switch was on, so the violation may be the expected effect of that bug
 */
public record Violation(Invariant invariant, long timeMicros, String node, String detail, boolean underBug) {
    public enum Invariant {
        ELECTION_SAFETY("at most one leader per term"),
        LOG_MATCHING("log matching"),
        LEADER_COMPLETENESS("leader completeness"),
        STATE_MACHINE_SAFETY("state machine safety"),
        COMMIT_MONOTONIC("a running node's commit index never goes back"),
        COMMITTED_PREFIX("the committed prefix never changes"),
        COMMITTED_ENTRY_LOST("no committed entry is ever lost"),
        LIVENESS("after healing, a write commits within the bound"),
        /** The core threw (its own assertions, or a crash): a bug found by simulation like any other. */
        NO_EXCEPTION("the core never throws");

        private final String rule;

        Invariant(String rule) { this.rule = rule; }

        public String rule() { return rule; }
    }

    @Override public String toString() {
        return String.format(java.util.Locale.ROOT, "%s (at %.6f s%s): %s%s", invariant.rule(), timeMicros / 1e6,
                node == null ? "" : " on " + node, detail, underBug ? " (a bug switch is on)" : "");
    }
}
