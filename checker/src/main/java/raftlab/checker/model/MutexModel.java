package raftlab.checker.model;

import java.util.Set;
/** Knossos's mutex: {@code :acquire} when free, {@code :release} when held; starts free. */
public final class MutexModel implements Model {

    @Override public Set<String> functions() { return Set.of("acquire", "release"); }
    @Override public String name() { return "mutex"; }

    @Override public Object initialState() { return Boolean.FALSE; }

    @Override public boolean splitsByKey() { return false; }

    @Override public boolean isRead(String f) { return false; }

    @Override public Object step(Object state, Call call) {
        boolean held = (Boolean) state;
        return switch (call.f()) {
            case "acquire" -> held ? null : Boolean.TRUE;
            case "release" -> held ? Boolean.FALSE : null;
            default -> null;
        };
    }

    @Override public String describeState(Object state) { return (Boolean) state ? "held" : "free"; }

    @Override public String describeCall(Call call) { return call.f(); }
}
