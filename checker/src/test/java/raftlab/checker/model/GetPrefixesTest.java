package raftlab.checker.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GetPrefixesTest {
    private static final long BASE = 0x100000001B3L;

    @Test
    void knowsEveryPrefixOfEveryValueAndNothingElse() {
        GetPrefixes index = new GetPrefixes(List.of("ab", "ac", ""), BASE);
        for (String s : List.of("", "a", "ab", "ac")) assertTrue(mayBePrefix(index, s), s);
        for (String s : List.of("b", "abc", "ad", "aa")) assertFalse(mayBePrefix(index, s), s);
    }

    @Test
    void withoutGetsOnlyTheEmptyStringMayBeRead() {
        GetPrefixes index = new GetPrefixes(List.of(), BASE);
        assertTrue(mayBePrefix(index, ""));
        assertFalse(mayBePrefix(index, "a"));
    }

    @Test
    void pastItsBoundEveryStringMayBeRead() {
        GetPrefixes index = new GetPrefixes(List.of("x".repeat(GetPrefixes.MAX_PREFIXES + 1)), BASE);
        assertTrue(mayBePrefix(index, "y"));
    }

    private static boolean mayBePrefix(GetPrefixes index, String s) {
        long h = 0;
        for (int k = 0; k < s.length(); k++) h = h * BASE + s.charAt(k);
        return index.mayBePrefix(s.length(), h);
    }
}
