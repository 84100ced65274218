package raftlab.harness.bugs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import raftlab.raft.Bug;

/**
 * One line of the detection table: a switch, its recipe run N times with the switch on and N times off (the control).
 *
 * @param bug     the switch
 * @param lab     sim or local
 * @param on      runs with the switch on
 * @param control the same runs with every switch off
 */
public record DetectionRow(Bug bug, String lab, List<Trial> on, List<Trial> control) {
    public DetectionRow {
        on = List.copyOf(on);
        control = List.copyOf(control);
    }

    public long caught() { return on.stream().filter(Trial::caught).count(); }

    public long invariantFired() { return on.stream().filter(Trial::invariantFired).count(); }

    public long controlValid() { return control.stream().filter(t -> t.verdict() == raftlab.checker.Validity.VALID).count(); }

    /** The median time to the first violation over the runs the checker caught, in seconds, or -1 when none was caught. */
    public double medianSecondsToViolation() {
        List<Long> times = new ArrayList<>();
        for (Trial t : on) if (t.caught() && t.firstViolationNanos() >= 0) times.add(t.firstViolationNanos());
        if (times.isEmpty()) return -1;
        times.sort(null);
        int n = times.size();
        double median = n % 2 == 1 ? times.get(n / 2) : (times.get(n / 2 - 1) + times.get(n / 2)) / 2.0;
        return median / 1e9;
    }

    /** The first seed the checker caught, or null. */
    public Trial firstCaught() { return on.stream().filter(Trial::caught).findFirst().orElse(null); }

    public static String header() {
        return "| switch | lab | runs | judged invalid | median time to first violation | simulator invariant fired | control valid | first caught seed |\n"
                + "|---|---|---|---|---|---|---|---|";
    }

    public String markdown() {
        double median = medianSecondsToViolation();
        Trial first = firstCaught();
        return String.format(Locale.ROOT, "| %s | %s | %d | %d | %s | %s | %d of %d | %s |", bug.cliName(), lab, on.size(), caught(),
                median < 0 ? "-" : String.format(Locale.ROOT, "%.2f s", median),
                lab.equals("sim") ? Long.toString(invariantFired()) : "n/a", controlValid(), control.size(),
                first == null ? "-" : "0x" + Long.toHexString(first.seed()));
    }
}
