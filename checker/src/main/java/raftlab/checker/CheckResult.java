package raftlab.checker;

import java.util.List;

/**
 * The verdict on a history: overall, per key, with counts.
 *
 * @param validity     invalid if any key is invalid, else unknown if any is unknown, else valid
 * @param model        the model's name
 * @param keys         per-key results, in key order (one entry, with a null key, when unsplit)
 * @param counts       how client operations completed
 * @param elapsedNanos wall-clock time of the check
 */
public record CheckResult(Validity validity, String model, List<KeyResult> keys, OpCounts counts, long elapsedNanos) {
    /** The invalid keys' results. */
    public List<KeyResult> failures() {
        return keys.stream().filter(k -> k.validity() == Validity.INVALID).toList();
    }

    /** The first invalid key's failure, or null. */
    public Failure firstFailure() {
        return keys.stream().filter(k -> k.failure() != null).map(KeyResult::failure).findFirst().orElse(null);
    }
}
