package raftlab.harness.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which of {@code raftlab test}'s options each lab uses. An option given on the command line that the chosen lab does not
 * use is refused: {@code --nodes a,b,c,d} with the local lab would otherwise run five namespaces while the person
 * believes four hosts were tested. Options a bug's recipe or a replay sets later are not the person's, and are not checked.
 */
final class LabOptions {
    private LabOptions() {}

    private static final Set<String> SSH = Set.of("ssh");
    private static final Set<String> LOCAL = Set.of("local");

    /** The options used by some labs only, and those labs; every other option is used by every lab. */
    private static final Map<String, Set<String>> USED_BY = new TreeMap<>(Map.ofEntries(
            Map.entry("--nodes", SSH), Map.entry("--nodes-file", SSH), Map.entry("--username", SSH),
            Map.entry("--ssh-private-key", SSH), Map.entry("--password", SSH), Map.entry("--strict-host-key-checking", SSH),
            Map.entry("--clock-mode", SSH), Map.entry("--node-timing", SSH),
            Map.entry("--lab-prefix", LOCAL), Map.entry("--lab-subnet", LOCAL),
            Map.entry("--node-count", Set.of("local", "sim")),
            Map.entry("--leave-db-running", Set.of("local", "ssh")),
            Map.entry("--stand-in", Set.of("local", "ssh"))));

    /** The options every lab uses; with {@link #USED_BY}, every option of raftlab test (a test keeps the two complete). */
    static final Set<String> EVERY_LAB = Set.of("--lab", "--concurrency", "--time-limit", "--test-count", "--rate", "--nemesis",
            "--nemesis-interval", "--workload", "--seed", "--check-time-limit", "--bug", "--op-timeout", "--store", "--help", "--version",
            "--replay", "--schedule");

    /**
     * The options that say what a test is: a replay takes them all from the stored run, so giving one with
     * {@code --replay} is refused rather than silently ignored or half applied.
     */
    static final Set<String> STORED_IN_A_RUN = Set.of("--node-count", "--concurrency", "--time-limit", "--test-count", "--rate",
            "--nemesis", "--nemesis-interval", "--workload", "--seed", "--bug", "--op-timeout", "--schedule");

    /** The sentence refusing options given with {@code --replay} that the stored run decides, or null. */
    static String replayRefusal(Collection<String> given) {
        List<String> stored = new ArrayList<>(new java.util.TreeSet<>(given));
        stored.retainAll(STORED_IN_A_RUN);
        if (stored.isEmpty()) return null;
        return String.join(", ", stored) + (stored.size() == 1 ? " comes" : " come") + " from the stored run with --replay; leave "
                + (stored.size() == 1 ? "it" : "them") + " out (only where it runs may change: --lab and that lab's options)";
    }

    /** Whether the option is classified here: a new option of raftlab test must be added to one of the two lists. */
    static boolean known(String option) { return EVERY_LAB.contains(option) || USED_BY.containsKey(option); }

    /** The options among {@code given} that {@code lab} does not use, in alphabetical order. */
    static List<String> unused(String lab, Collection<String> given) {
        List<String> unused = new ArrayList<>();
        for (String option : new java.util.TreeSet<>(given)) {
            Set<String> labs = USED_BY.get(option);
            if (labs != null && !labs.contains(lab)) unused.add(option);
        }
        return unused;
    }

    /** The sentence refusing them, or null when there are none. */
    static String refusal(String lab, Collection<String> given) {
        List<String> unused = unused(lab, given);
        if (unused.isEmpty()) return null;
        Set<String> labs = USED_BY.get(unused.get(0));
        String where = labs.size() == 1 ? "--lab " + labs.iterator().next() : "the " + String.join(" and ", new java.util.TreeSet<>(labs)) + " labs";
        return String.join(", ", unused) + (unused.size() == 1 ? " is" : " are") + " not used by the " + lab + " lab; drop "
                + (unused.size() == 1 ? "it" : "them") + " or choose a lab that uses " + (unused.size() == 1 ? "it" : "them")
                + " (" + unused.get(0) + ": " + where + ")";
    }
}
