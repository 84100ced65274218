package raftlab.harness.lab.ssh;

import java.util.List;
import java.util.stream.Collectors;

/** POSIX shell quoting: every word the harness sends to a host goes through here. */
public final class Shell {
    private Shell() {}

    /** Quotes one word so that sh reads it back unchanged. */
    public static String quote(String word) {
        if (!word.isEmpty() && word.chars().allMatch(Shell::plain)) return word;
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }

    public static String join(List<String> words) {
        return words.stream().map(Shell::quote).collect(Collectors.joining(" "));
    }

    private static boolean plain(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_./=:,+@%".indexOf(c) >= 0;
    }
}
