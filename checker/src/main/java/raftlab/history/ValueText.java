package raftlab.history;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Writes the values an {@link Op} may hold as EDN or JSON text. */
public final class ValueText {
    private static final Pattern KEYWORD_NAME = Pattern.compile("[A-Za-z*+!_?<>=./-][A-Za-z0-9*+!_?<>=./:#-]*");

    private ValueText() {}

    /** Whether {@code name} can be written as {@code :name} and read back as the same keyword. */
    public static boolean isKeywordName(String name) {
        return KEYWORD_NAME.matcher(name).matches() && !name.endsWith("/") && !name.startsWith("/");
    }

    public static String edn(Object value) {
        StringBuilder out = new StringBuilder();
        appendEdn(out, value);
        return out.toString();
    }

    public static void appendEdn(StringBuilder out, Object value) {
        if (value == null) {
            out.append("nil");
        } else if (value instanceof String s) {
            appendQuoted(out, s);
        } else if (value instanceof Keyword k) {
            out.append(':').append(k.name());
        } else if (value instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) out.append(", ");
                first = false;
                appendEdn(out, e.getKey());
                out.append(' ');
                appendEdn(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof Collection<?> c) {
            out.append(c instanceof Set ? "#{" : "[");
            boolean first = true;
            for (Object o : c) {
                if (!first) out.append(' ');
                first = false;
                appendEdn(out, o);
            }
            out.append(c instanceof Set ? '}' : ']');
        } else if (value instanceof Character ch) {
            appendQuoted(out, ch.toString());
        } else {
            out.append(value); // Long, Double, Boolean, BigInteger, BigDecimal print as EDN
        }
    }

    public static String json(Object value) {
        StringBuilder out = new StringBuilder();
        appendJson(out, value);
        return out.toString();
    }

    public static void appendJson(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            appendQuoted(out, s);
        } else if (value instanceof Keyword k) {
            appendQuoted(out, k.name());
        } else if (value instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) out.append(", ");
                first = false;
                Object key = e.getKey();
                appendQuoted(out, key instanceof Keyword k ? k.name() : key instanceof String s ? s : edn(key));
                out.append(": ");
                appendJson(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof Collection<?> c) {
            out.append('[');
            boolean first = true;
            for (Object o : c) {
                if (!first) out.append(", ");
                first = false;
                appendJson(out, o);
            }
            out.append(']');
        } else if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            appendQuoted(out, d.toString());
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            appendQuoted(out, value.toString());
        }
    }

    /** A double-quoted string with the escapes that both EDN and JSON read. */
    public static void appendQuoted(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
