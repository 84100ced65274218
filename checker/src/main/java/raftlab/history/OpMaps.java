package raftlab.history;

import java.nio.file.Path;
import java.util.Map;

/**
 * Turns one op map, read from EDN (keyword keys) or JSON (string keys), into an {@link Op}.
 * Ops without {@code :index} are numbered by position; without {@code :time} the time is -1.
 * Porcupine's kv logs carry {@code :key} beside {@code :value}; that becomes a {@code [key value]} tuple.
 */
final class OpMaps {
    private OpMaps() {}

    static Op toOp(Path file, long line, Map<?, ?> rawMap, long position) throws HistoryFormatException {
        Map<?, ?> map = (Map<?, ?>) EdnValues.convert(rawMap);
        Object type = get(map, "type");
        OpType opType = switch (name(type) == null ? "" : name(type)) {
            case "invoke" -> OpType.INVOKE;
            case "ok" -> OpType.OK;
            case "fail" -> OpType.FAIL;
            case "info" -> OpType.INFO;
            default -> throw new HistoryFormatException(file, line,
                    "op has " + (type == null ? "no :type" : ":type " + ValueText.edn(type)) + "; expected :invoke, :ok, :fail or :info");
        };
        Object f = get(map, "f");
        if (name(f) == null) throw new HistoryFormatException(file, line, "op has no :f (such as :read or :write)");
        Object process = get(map, "process");
        long processNumber;
        if (process instanceof Long p) processNumber = p;
        else if ("nemesis".equals(name(process))) processNumber = Op.NEMESIS;
        else throw new HistoryFormatException(file, line, "op has " + (process == null ? "no :process" : ":process " + ValueText.edn(process)) + "; expected a number or :nemesis");
        long index = number(file, line, map, "index", position);
        long time = number(file, line, map, "time", -1);
        Object value = get(map, "value");
        if (contains(map, "key")) value = Op.tuple(get(map, "key"), value);
        Object error = get(map, "error");
        String errorText = error == null ? null : name(error) != null ? name(error) : ValueText.edn(error);
        String node = null;
        if (contains(map, "node")) {
            Object n = get(map, "node");
            node = n == null ? Op.NO_NODE : name(n) != null ? name(n) : ValueText.edn(n);
        }
        return new Op(index, time, opType, processNumber, name(f), value, errorText, node);
    }

    private static long number(Path file, long line, Map<?, ?> map, String key, long absent) throws HistoryFormatException {
        Object v = get(map, key);
        if (v == null) return absent;
        if (v instanceof Long l) return l;
        if (v instanceof Double d && d == Math.rint(d)) return d.longValue();
        throw new HistoryFormatException(file, line, "op has :" + key + " " + ValueText.edn(v) + "; expected a whole number");
    }

    private static Object get(Map<?, ?> map, String key) {
        Object v = map.get(new Keyword(key));
        return v != null ? v : map.get(key);
    }

    private static boolean contains(Map<?, ?> map, String key) {
        return map.containsKey(new Keyword(key)) || map.containsKey(key);
    }

    /** A keyword's or string's name, else null. */
    private static String name(Object o) {
        if (o instanceof Keyword k) return k.name();
        if (o instanceof String s) return s;
        return null;
    }
}
