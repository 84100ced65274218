package raftlab.checker.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import raftlab.history.Op;
import raftlab.history.OpType;
import raftlab.history.ValueText;

/**
 * A single register with read, write, compare-and-set (value {@code [expected new]}) and delete.
 * The three flavours differ only in what a completion means (docs/design.md's table):
 * <ul>
 * <li>{@code register}: starts absent; a read of nil means absent; a {@code :fail :cas} with
 *     {@code :error :mismatch} ran and found another value; other fails did not happen.</li>
 * <li>{@code cas-register}: Knossos's; starts at the given value (0); a read of nil matches any state;
 *     no fail happened.</li>
 * <li>{@code etcd-cas-register}: Porcupine's; starts absent; every {@code :fail :cas} ran and returned
 *     false; a {@code :fail :read :timed-out} is unknown.</li>
 * </ul>
 */
public final class RegisterModel implements Model {

    @Override public Set<String> functions() { return Set.of("read", "write", "cas", "delete"); }
    /** The state of a key that was never written (or was deleted). */
    public enum Absent { ABSENT; @Override public String toString() { return "absent"; } }

    /**
     * What the compiled machine holds after a write of a value that no read returns and no
     * compare-and-set expects: all such values behave alike, so they share one state.
     */
    public enum Unread {
        UNREAD;
        @Override public String toString() { return "a value no read returned and no compare-and-set expected (from a crashed or unread write)"; }
    }

    private final String name;
    private final Object initial;
    private final boolean nilReadMatchesAny;
    private final boolean failedCasMismatchRan;
    private final boolean everyFailedCasRan;

    private RegisterModel(String name, Object initial, boolean nilReadMatchesAny, boolean failedCasMismatchRan, boolean everyFailedCasRan) {
        this.name = name;
        this.initial = initial;
        this.nilReadMatchesAny = nilReadMatchesAny;
        this.failedCasMismatchRan = failedCasMismatchRan;
        this.everyFailedCasRan = everyFailedCasRan;
    }

    public static RegisterModel register() { return new RegisterModel("register", Absent.ABSENT, false, true, false); }

    public static RegisterModel casRegister(Object initial) {
        return new RegisterModel("cas-register", initial == null ? Absent.ABSENT : initial, true, false, false);
    }

    public static RegisterModel etcdCasRegister() { return new RegisterModel("etcd-cas-register", Absent.ABSENT, false, false, true); }

    @Override public String name() { return name; }

    /** Whether a read of nil matches any state (Knossos's cas-register), so that it constrains nothing. */
    public boolean nilReadMatchesAny() { return nilReadMatchesAny; }

    @Override public Object initialState() { return initial; }

    @Override public Fate fate(Op invoke, Op completion) {
        if (completion != null && completion.type() == OpType.FAIL && invoke.f().equals("cas")
                && (everyFailedCasRan || (failedCasMismatchRan && "mismatch".equals(completion.error())))) {
            return Fate.COMPLETED;
        }
        return Model.super.fate(invoke, completion);
    }

    @Override public Machine compile(Call[] calls) { return new RegisterMachine(this, calls, nilReadMatchesAny); }

    @Override public Object step(Object state, Call call) {
        switch (call.f()) {
            case "read" -> {
                Object v = call.value();
                if (v == null) return nilReadMatchesAny || state == Absent.ABSENT ? state : null;
                return Objects.equals(v, state) ? state : null;
            }
            case "write" -> { return orAbsent(call.value()); }
            case "delete" -> { return Absent.ABSENT; }
            case "cas" -> {
                if (!(call.value() instanceof List<?> pair) || pair.size() != 2) return null;
                boolean matches = Objects.equals(orAbsent(pair.get(0)), state);
                if (call.failed()) return matches ? null : state;
                return matches ? orAbsent(pair.get(1)) : null;
            }
            default -> { return null; }
        }
    }

    private static Object orAbsent(Object v) { return v == null ? Absent.ABSENT : v; }

    @Override public String describeState(Object state) {
        if (state == Unread.UNREAD) return state.toString();
        return state == Absent.ABSENT ? "absent (nil)" : ValueText.edn(state);
    }

    @Override public String describeCall(Call call) {
        return switch (call.f()) {
            case "read" -> "read returning " + (call.value() == null ? (nilReadMatchesAny ? "nil (unknown)" : "nil") : ValueText.edn(call.value()));
            case "cas" -> call.value() instanceof List<?> p && p.size() == 2
                    ? "cas from " + ValueText.edn(p.get(0)) + " to " + ValueText.edn(p.get(1)) + (call.failed() ? " (failed: found another value)" : "")
                    : "cas " + ValueText.edn(call.value());
            default -> call.f() + " " + ValueText.edn(call.value());
        };
    }
}
