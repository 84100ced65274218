package raftlab.history;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import us.bpsm.edn.Symbol;
import us.bpsm.edn.TaggedValue;

/** Turns edn-java's values into the plain values an {@link Op} holds. */
final class EdnValues {
    private EdnValues() {}

    static Object convert(Object value) {
        if (value == null || value instanceof Long || value instanceof String || value instanceof Boolean) return value;
        if (value instanceof us.bpsm.edn.Keyword k) return new Keyword(k.toString().substring(1));
        if (value instanceof TaggedValue t) return convert(t.getValue());
        if (value instanceof Symbol s) return s.toString();
        if (value instanceof Integer i) return i.longValue();
        if (value instanceof java.math.BigInteger b && b.bitLength() < 64) return b.longValue();
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) out.put(convert(e.getKey()), convert(e.getValue()));
            return out;
        }
        if (value instanceof Set<?> s) {
            Set<Object> out = new LinkedHashSet<>();
            for (Object o : s) out.add(convert(o));
            return out;
        }
        if (value instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object o : c) out.add(convert(o));
            return out;
        }
        if (value instanceof Character ch) return ch.toString();
        return value; // Double, BigDecimal, BigInteger, Date
    }
}
