package raftlab.checker.model;

import java.util.Objects;
import java.util.Set;
import raftlab.history.ValueText;

/** Porcupine's kv model, per key: a string that starts as "", with get, put and append. */
public final class KvAppendModel implements Model {

    @Override public Set<String> functions() { return Set.of("get", "put", "append"); }
    @Override public String name() { return "kv-append"; }

    @Override public Object initialState() { return ""; }

    @Override public Machine compile(Call[] calls) { return new KvAppendMachine(calls); }

    @Override public Object step(Object state, Call call) {
        String s = (String) state;
        Object v = call.value();
        return switch (call.f()) {
            case "get" -> Objects.equals(v == null ? "" : v, s) ? s : null;
            case "put" -> v == null ? "" : v.toString();
            case "append" -> v == null ? s : s + v;
            default -> null;
        };
    }

    @Override public String describeState(Object state) { return ValueText.edn(state); }
}
