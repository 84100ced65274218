package raftlab.checker.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link RegisterModel} compiled for one key: every value is numbered once, each call becomes an
 * opcode and two value numbers, and a step is a comparison of ints with no allocation.
 *
 * <p>Values that no operation observes (no read returns them, no compare-and-set expects them, not
 * the start) behave the same under every call, so they share one number. Two uncertain writes of
 * such values are then interchangeable, which {@link #symmetryClass} tells the search: of a
 * thousand crashed writes nobody read, it tries one.
 */
final class RegisterMachine implements Machine {
    private static final byte READ = 0;
    private static final byte READ_ANY = 1;
    private static final byte WRITE = 2;
    private static final byte CAS = 3;
    private static final byte CAS_FAILED = 4;
    private static final byte NEVER = 5;

    private final byte[] kind;
    private final int[] a;
    private final int[] b;
    private final long initial;
    private final int unobserved;
    private final int[] symmetry;
    private final long[] distinctUntil;
    private final List<Object> values = new ArrayList<>();
    private final Map<Object, Integer> ids = new HashMap<>();

    RegisterMachine(RegisterModel model, Call[] calls, boolean nilReadMatchesAny) {
        kind = new byte[calls.length];
        a = new int[calls.length];
        b = new int[calls.length];
        initial = id(model.initialState());
        for (Call c : calls) { // number the observed values first
            if (c.f().equals("read") && !(c.value() == null && nilReadMatchesAny)) id(c.value());
            if (c.f().equals("cas") && c.value() instanceof List<?> pair && pair.size() == 2) id(pair.get(0));
        }
        unobserved = values.size();
        values.add(RegisterModel.Unread.UNREAD);
        symmetry = new int[calls.length];
        distinctUntil = new long[calls.length];
        for (int i = 0; i < calls.length; i++) {
            Call c = calls[i];
            Object v = c.value();
            switch (c.f()) {
                case "read" -> {
                    kind[i] = v == null && nilReadMatchesAny ? READ_ANY : READ;
                    a[i] = id(v);
                }
                case "write" -> {
                    kind[i] = WRITE;
                    a[i] = target(v);
                }
                case "delete" -> {
                    kind[i] = WRITE;
                    a[i] = target(null);
                }
                case "cas" -> {
                    if (v instanceof List<?> pair && pair.size() == 2) {
                        kind[i] = c.failed() ? CAS_FAILED : CAS;
                        a[i] = id(pair.get(0));
                        b[i] = target(pair.get(1));
                    } else {
                        kind[i] = NEVER;
                    }
                }
                default -> kind[i] = NEVER;
            }
            symmetry[i] = -1;
            if (c.fate() == Fate.MAYBE && kind[i] == WRITE && a[i] == unobserved) symmetry[i] = 0;
        }
        // the last completion of a call that looks at each value (MAX when one may never complete)
        long[] lastLook = new long[values.size()];
        for (int i = 0; i < calls.length; i++) {
            int looked = kind[i] == READ || kind[i] == CAS || kind[i] == CAS_FAILED ? a[i] : -1;
            if (looked < 0 || looked >= lastLook.length) continue;
            long until = calls[i].fate() == Fate.COMPLETED && calls[i].completion() != null ? calls[i].completion().index() : Long.MAX_VALUE;
            lastLook[looked] = Math.max(lastLook[looked], until);
        }
        for (int i = 0; i < calls.length; i++) {
            boolean uncertainWrite = calls[i].fate() == Fate.MAYBE && kind[i] == WRITE && a[i] != unobserved;
            distinctUntil[i] = uncertainWrite && a[i] < lastLook.length && a[i] != initial ? lastLook[a[i]] : Long.MAX_VALUE;
        }
    }

    @Override public long distinctUntil(int call) { return distinctUntil[call]; }

    /** The number of a value written: its own when someone observes it, else the shared one. */
    private int target(Object value) {
        Integer known = ids.get(value == null ? RegisterModel.Absent.ABSENT : value);
        return known != null ? known : unobserved;
    }

    @Override public int symmetryClass(int call) { return symmetry[call]; }

    private int id(Object value) {
        Object v = value == null ? RegisterModel.Absent.ABSENT : value;
        return ids.computeIfAbsent(v, x -> {
            values.add(x);
            return values.size() - 1;
        });
    }

    @Override public long initial() { return initial; }

    @Override public long step(long state, int call) {
        return switch (kind[call]) {
            case READ -> state == a[call] ? state : ILLEGAL;
            case READ_ANY -> state;
            case WRITE -> a[call];
            case CAS -> state == a[call] ? b[call] : ILLEGAL;
            case CAS_FAILED -> state != a[call] ? state : ILLEGAL;
            default -> ILLEGAL;
        };
    }

    @Override public boolean readOnly(int call) {
        return kind[call] == READ || kind[call] == READ_ANY || kind[call] == CAS_FAILED || (kind[call] == CAS && a[call] == b[call]);
    }

    @Override public Object decode(long state) { return values.get((int) state); }
}
