package raftlab.checker.model;

import java.util.Comparator;
import raftlab.history.ValueText;

/** Orders keys of any type the same way in every run: numbers by value, the rest by their EDN text. */
public enum KeyOrder implements Comparator<Object> {
    INSTANCE;

    @Override public int compare(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) return Long.compare(x, y);
        if (a instanceof Long) return -1;
        if (b instanceof Long) return 1;
        return ValueText.edn(a).compareTo(ValueText.edn(b));
    }
}
