package raftlab.node.storage;

/**
 * File names of the form PREFIX + digits + SUFFIX (log segments, snapshots). A name read from a
 * data directory is input like any other: anything but 1 to 20 decimal digits that fit in a long
 * is not one of ours, and the caller decides what a stranger means.
 */
final class NumberedName {
    private NumberedName() {}

    /** The number in {@code name}, or -1 when the name does not have that form. */
    static long numberIn(String name, String prefix, String suffix) {
        if (!name.startsWith(prefix) || !name.endsWith(suffix) || name.length() < prefix.length() + suffix.length()) return -1;
        String digits = name.substring(prefix.length(), name.length() - suffix.length());
        if (digits.isEmpty() || digits.length() > 20 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) return -1;
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLarge) {
            return -1;
        }
    }
}
