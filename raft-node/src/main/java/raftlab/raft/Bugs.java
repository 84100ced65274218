package raftlab.raft;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The bug switches that are on (see {@link Bug}); none by default. Iterates in the enum's order, the same in every run. */
public record Bugs(Set<Bug> on) {
    public static final Bugs NONE = new Bugs(Set.of());

    public Bugs {
        EnumSet<Bug> copy = EnumSet.noneOf(Bug.class);
        copy.addAll(on);
        on = Collections.unmodifiableSet(copy);
    }

    public static Bugs of(Bug... bugs) { return of(List.of(bugs)); }

    public static Bugs of(Collection<Bug> bugs) { return new Bugs(Set.copyOf(bugs)); }

    /** The switches named on a command line ({@code stale-reads} or {@code --bug-stale-reads}); an unknown name is refused. */
    public static Bugs parse(Collection<String> names) {
        List<Bug> bugs = new ArrayList<>();
        for (String name : names) bugs.add(Bug.parse(name));
        return of(bugs);
    }

    public boolean has(Bug bug) { return on.contains(bug); }

    public boolean any() { return !on.isEmpty(); }

    /** The names of the switches that are on, such as {@code [stale-reads]}. */
    public List<String> names() { return on.stream().map(Bug::cliName).toList(); }

    /** Their flags, such as {@code [--bug-stale-reads]}. */
    public List<String> flags() { return on.stream().map(Bug::flag).toList(); }
}
