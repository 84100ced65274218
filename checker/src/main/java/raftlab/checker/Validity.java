package raftlab.checker;

/** A verdict: Jepsen's {@code :valid?} true, false or {@code :unknown}. */
public enum Validity {
    VALID, INVALID, UNKNOWN;

    /** Jepsen's exit code for this verdict: 0 valid, 1 invalid, 2 unknown. */
    public int exitCode() {
        return switch (this) {
            case VALID -> 0;
            case INVALID -> 1;
            case UNKNOWN -> 2;
        };
    }

    /** The worse of two verdicts: invalid over unknown over valid. */
    public Validity and(Validity other) {
        if (this == INVALID || other == INVALID) return INVALID;
        if (this == UNKNOWN || other == UNKNOWN) return UNKNOWN;
        return VALID;
    }
}
