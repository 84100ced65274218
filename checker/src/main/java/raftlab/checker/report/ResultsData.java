package raftlab.checker.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import raftlab.checker.CheckResult;
import raftlab.checker.Failure;
import raftlab.checker.KeyResult;
import raftlab.checker.Validity;
import raftlab.history.Keyword;
import raftlab.history.Op;

/**
 * A check's results as plain data in Jepsen's shape ({@code :valid?}, {@code :results} per key,
 * {@code :failures}, {@code :op}, {@code :previous-ok}), which {@link Reports} writes as EDN and JSON.
 */
public final class ResultsData {
    private static final int PREFIX_TAIL = 10;

    private ResultsData() {}

    public static Map<Keyword, Object> of(CheckResult result) {
        Map<Keyword, Object> out = new LinkedHashMap<>();
        out.put(kw("valid?"), valid(result.validity()));
        out.put(kw("model"), result.model());
        Map<Keyword, Object> count = new LinkedHashMap<>();
        count.put(kw("ok"), result.counts().ok());
        count.put(kw("fail"), result.counts().fail());
        count.put(kw("info"), result.counts().info());
        out.put(kw("count"), count);
        out.put(kw("elapsed-ms"), Math.round(result.elapsedNanos() / 1e4) / 100.0);
        boolean single = result.keys().size() == 1 && result.keys().get(0).key() == null;
        if (single) {
            out.putAll(keyData(result.keys().get(0)));
            out.put(kw("valid?"), valid(result.validity()));
        } else {
            List<Object> failures = new ArrayList<>();
            Map<Object, Object> perKey = new LinkedHashMap<>();
            for (KeyResult k : result.keys()) {
                if (k.validity() == Validity.INVALID) failures.add(k.key());
                perKey.put(k.key(), keyData(k));
            }
            out.put(kw("failures"), failures);
            out.put(kw("results"), perKey);
        }
        return out;
    }

    private static Map<Keyword, Object> keyData(KeyResult k) {
        Map<Keyword, Object> out = new LinkedHashMap<>();
        out.put(kw("valid?"), valid(k.validity()));
        out.put(kw("operations"), (long) k.operations());
        out.put(kw("configurations"), k.statesExplored());
        out.put(kw("deepest"), (long) k.deepest());
        if (k.unknownReason() != null) out.put(kw("error"), k.unknownReason());
        Failure f = k.failure();
        if (f != null) {
            out.put(kw("op"), op(f.completion() != null ? f.completion() : f.invoke()));
            out.put(kw("invoke"), op(f.invoke()));
            Op previousOk = f.previousOk();
            out.put(kw("previous-ok"), previousOk == null ? null : op(previousOk));
            out.put(kw("explanation"), f.explanation());
            out.put(kw("witness"), f.witness() == null ? null : op(f.witness()));
            out.put(kw("state"), f.stateAfterPrefix());
            out.put(kw("linearized-prefix-length"), (long) f.prefix().size());
            List<Object> tail = new ArrayList<>();
            for (Op o : f.prefix().subList(Math.max(0, f.prefix().size() - PREFIX_TAIL), f.prefix().size())) tail.add(op(o));
            out.put(kw("prefix-tail"), tail);
            List<Object> concurrent = new ArrayList<>();
            for (Op o : f.concurrent()) concurrent.add(op(o));
            out.put(kw("concurrent"), concurrent);
        }
        return out;
    }

    /** An op as the map it is in a history. */
    public static Map<Keyword, Object> op(Op op) {
        Map<Keyword, Object> m = new LinkedHashMap<>();
        m.put(kw("index"), op.index());
        if (op.time() >= 0) m.put(kw("time"), op.time());
        m.put(kw("type"), kw(op.type().keyword()));
        m.put(kw("process"), op.isNemesis() ? kw("nemesis") : (Object) op.process());
        m.put(kw("f"), kw(op.f()));
        m.put(kw("value"), op.value());
        if (op.error() != null) m.put(kw("error"), kw(op.error()));
        return m;
    }

    private static Object valid(Validity v) {
        return switch (v) {
            case VALID -> Boolean.TRUE;
            case INVALID -> Boolean.FALSE;
            case UNKNOWN -> kw("unknown");
        };
    }

    private static Keyword kw(String name) { return new Keyword(name); }
}
