package raftlab.checker.model;

import java.util.List;
import java.util.Map;
import raftlab.history.Keyword;

/** The models by name. */
public final class Models {
    /** Every name {@link #byName(String)} knows. */
    public static final List<String> NAMES = List.of("register", "cas-register", "multi-register", "mutex", "set",
            "unordered-queue", "fifo-queue", "etcd-cas-register", "kv-append");

    private Models() {}

    /** The model with its default start (cas-register: 0; multi-register: every key 0 when read). */
    public static Model byName(String name) {
        return byName(name, null);
    }

    /**
     * The model with a start value where the model takes one: {@code cas-register} a register
     * value (null: 0), {@code multi-register} a map of key to value (null: {@code {:x 0 :y 0}}).
     */
    public static Model byName(String name, Object initial) {
        return switch (name) {
            case "register" -> RegisterModel.register();
            case "cas-register" -> RegisterModel.casRegister(initial == null ? Long.valueOf(0) : initial);
            case "multi-register" -> new MultiRegisterModel(initial instanceof Map<?, ?> m ? m
                    : Map.of(new Keyword("x"), 0L, new Keyword("y"), 0L));
            case "mutex" -> new MutexModel();
            case "set" -> new SetModel();
            case "unordered-queue" -> new UnorderedQueueModel();
            case "fifo-queue" -> new FifoQueueModel();
            case "etcd-cas-register" -> RegisterModel.etcdCasRegister();
            case "kv-append" -> new KvAppendModel();
            default -> throw new IllegalArgumentException("unknown model '" + name + "'; known: " + String.join(", ", NAMES));
        };
    }
}
