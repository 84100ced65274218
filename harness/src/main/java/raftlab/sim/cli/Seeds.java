package raftlab.sim.cli;

/** Seeds as every raftlab command reads them: decimal or {@code 0x} hexadecimal, and ranges {@code A..B}. */
final class Seeds {
    private Seeds() {}

    static long parse(String text) {
        return raftlab.conventions.Seeds.parse(text);
    }

    /** {@code A..B}, both ends included. */
    static long[] range(String text) {
        int dots = text.indexOf("..");
        if (dots < 0) throw new IllegalArgumentException("'" + text + "' is not a seed range such as 1..500");
        long from = parse(text.substring(0, dots));
        long to = parse(text.substring(dots + 2));
        if (Long.compareUnsigned(from, to) > 0 || to - from >= 10_000_000) {
            throw new IllegalArgumentException("'" + text + "' is not a seed range of at most ten million seeds, low end first");
        }
        return new long[] {from, to};
    }
}
