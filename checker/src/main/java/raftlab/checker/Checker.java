package raftlab.checker;

import java.util.List;
import raftlab.checker.model.Model;
import raftlab.history.Op;

/** Decides whether a history is linearizable under a model. */
public final class Checker {
    private Checker() {}

    public static CheckResult check(List<Op> history, Model model, CheckOptions options) {
        throw new UnsupportedOperationException("the search is being built");
    }
}
