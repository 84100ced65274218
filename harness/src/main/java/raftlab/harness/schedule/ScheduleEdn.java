package raftlab.harness.schedule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import raftlab.conventions.Durations;
import raftlab.harness.nemesis.FaultKind;
import raftlab.harness.partition.PartitionShape;
import us.bpsm.edn.EdnException;
import us.bpsm.edn.Keyword;
import us.bpsm.edn.parser.Parseable;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/**
 * {@code schedule.edn}: a map with the node count and a vector of entries, one entry a line.
 * <pre>
 * {:nodes 5
 *  :entries
 *  [{:at "10s" :fault :partition :targets :leader :for "10s"}
 *   {:at "30s" :after :ok-write :fault :kill :targets :minority :for "2s"}
 *   {:at "50s" :on :leader-elected :fault :partition :targets "n1,n2/n3,n4,n5" :for "5s"}]}
 * </pre>
 * {@link #write} always gives the same bytes for the same plan, and {@link #read} reads back exactly what it wrote.
 * A file is read strictly: an unknown key, a missing {@code :fault}, a bad duration is refused with the entry's number.
 */
public final class ScheduleEdn {
    private ScheduleEdn() {}

    /** A hand-written schedule has no business being larger; the bound keeps a wrong file from filling memory. */
    static final long MAX_BYTES = 1 << 20;
    static final int MAX_ENTRIES = 100_000;
    private static final int MAX_DEPTH = 8;

    private static final Set<String> KEYS = Set.of("at", "on", "after", "fault", "targets", "offset", "strobe", "drop", "for");

    public static String write(Schedule schedule) {
        StringBuilder b = new StringBuilder();
        b.append(";; raftlab fault schedule: the entries run one after another; see docs/schedules.md\n");
        b.append("{:nodes ").append(schedule.nodeCount()).append("\n :entries\n [");
        for (int i = 0; i < schedule.entries().size(); i++) {
            if (i > 0) b.append("\n  ");
            b.append(schedule.entries().get(i).edn());
        }
        return b.append("]}\n").toString();
    }

    public static void write(Path file, Schedule schedule) throws IOException {
        Files.writeString(file, write(schedule), StandardCharsets.UTF_8);
    }

    /** Reads a schedule file; every refusal is one sentence naming the file. */
    public static Schedule read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) throw new IllegalArgumentException(file + " is larger than 1 MiB; a schedule is a short list of entries");
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the schedule " + file + " (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    public static Schedule parse(String text) {
        checkDepth(text);
        Object value;
        try {
            Parseable in = Parsers.newParseable(text);
            Parser parser = Parsers.newParser(Parsers.defaultConfiguration());
            value = parser.nextValue(in);
            if (value != Parser.END_OF_INPUT && parser.nextValue(in) != Parser.END_OF_INPUT) {
                throw new IllegalArgumentException("the schedule is one map {:nodes N :entries [...]}; there is more after it");
            }
        } catch (EdnException e) {
            throw new IllegalArgumentException("malformed EDN (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (!(value instanceof Map<?, ?> top)) throw new IllegalArgumentException("a schedule is a map {:nodes N :entries [...]}");
        for (Object key : top.keySet()) {
            if (!(key instanceof Keyword k) || !Set.of("nodes", "entries").contains(k.getName())) {
                throw new IllegalArgumentException("unknown key " + key + " in the schedule; it has :nodes and :entries");
            }
        }
        if (!(top.get(kw("nodes")) instanceof Long nodes) || nodes < 1 || nodes > 1000) {
            throw new IllegalArgumentException(":nodes must be the cluster's node count, such as :nodes 5");
        }
        if (!(top.get(kw("entries")) instanceof List<?> list)) throw new IllegalArgumentException(":entries must be a vector of entry maps");
        if (list.size() > MAX_ENTRIES) throw new IllegalArgumentException("more than " + MAX_ENTRIES + " entries");
        List<ScheduleEntry> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            try {
                entries.add(entry(list.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("entry " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new Schedule(nodes.intValue(), entries);
    }

    private static ScheduleEntry entry(Object value) {
        if (!(value instanceof Map<?, ?> m)) throw new IllegalArgumentException("an entry is a map such as {:at \"10s\" :fault :kill :targets :leader :for \"5s\"}");
        Set<String> keys = new HashSet<>();
        for (Object key : m.keySet()) {
            if (!(key instanceof Keyword k) || !KEYS.contains(k.getName())) {
                throw new IllegalArgumentException("unknown key " + key + "; an entry has " + String.join(", ", KEYS.stream().sorted().map(s -> ":" + s).toList()));
            }
            keys.add(k.getName());
        }
        if (keys.contains("on") && keys.contains("after")) throw new IllegalArgumentException("an entry waits for one trigger, :on or :after, not both");
        Trigger trigger = Trigger.NONE;
        if (keys.contains("on")) trigger = Trigger.of("on", keyword(m, "on"));
        if (keys.contains("after")) trigger = Trigger.of("after", keyword(m, "after"));
        Duration at = keys.contains("at") ? duration(m, "at", false) : Duration.ZERO;
        if (!keys.contains("fault")) throw new IllegalArgumentException("no :fault; name one such as :fault :kill");
        FaultKind kind = FaultKind.parse(keyword(m, "fault"));
        FaultSpec fault = fault(kind, m, keys);
        Duration duration;
        if (keys.contains("for")) duration = duration(m, "for", false);
        else if (kind == FaultKind.TRANSFER) duration = Duration.ZERO;
        else throw new IllegalArgumentException("no :for; say how long the fault stays in force, such as :for \"5s\"");
        return new ScheduleEntry(at, trigger, fault, duration);
    }

    private static FaultSpec fault(FaultKind kind, Map<?, ?> m, Set<String> keys) {
        Set<String> allowed = switch (kind) {
            case PARTITION, KILL, PAUSE, TRANSFER -> Set.of("targets");
            case CLOCK -> Set.of("targets", "offset", "strobe");
            case CLOCK_PARTITION -> Set.of("targets", "offset");
            case PACKET -> Set.of("drop");
            case MEMBER -> Set.of();
        };
        for (String p : List.of("targets", "offset", "strobe", "drop")) {
            if (keys.contains(p) && !allowed.contains(p)) throw new IllegalArgumentException(":" + kind.flagName() + " takes no :" + p);
        }
        return switch (kind) {
            case PARTITION -> new FaultSpec.Partition(shape(m.get(kw("targets"))));
            case KILL, PAUSE -> new FaultSpec.Nodes(kind, keys.contains("targets") ? target(m.get(kw("targets"))) : Target.ONE);
            case CLOCK -> {
                Target target = keys.contains("targets") ? target(m.get(kw("targets"))) : Target.ONE;
                if (!keys.contains("offset")) throw new IllegalArgumentException(":clock needs an :offset such as \"-90s\"");
                Duration strobe = keys.contains("strobe") ? duration(m, "strobe", false) : null;
                if (strobe != null && (strobe.isZero() || target instanceof Target.Nodes n && n.ids().size() != 1
                        || target instanceof Target.Role r && !List.of("one", "leader").contains(r.name()))) {
                    throw new IllegalArgumentException("a clock strobe needs a positive period and one node (:one, :leader or [nX])");
                }
                yield new FaultSpec.Clock(target, duration(m, "offset", true), strobe);
            }
            case CLOCK_PARTITION -> {
                if (keys.contains("targets") && !Target.LEADER.equals(target(m.get(kw("targets"))))) {
                    throw new IllegalArgumentException(":clock-partition always targets the leader");
                }
                Duration offset = keys.contains("offset") ? duration(m, "offset", true) : Duration.ofSeconds(-120);
                if (!offset.isNegative()) throw new IllegalArgumentException(":clock-partition's :offset sets the clock back: make it negative");
                yield new FaultSpec.ClockPartition(offset);
            }
            case PACKET -> {
                Object drop = m.get(kw("drop"));
                if (!(drop instanceof Number d)) throw new IllegalArgumentException(":packet needs :drop, the fraction of packets lost, such as :drop 0.2");
                yield new FaultSpec.Packet(d.doubleValue());
            }
            case TRANSFER -> {
                if (keys.contains("targets") && !Target.LEADER.equals(target(m.get(kw("targets"))))) {
                    throw new IllegalArgumentException(":transfer always asks the leader");
                }
                yield new FaultSpec.Transfer();
            }
            case MEMBER -> new FaultSpec.Member();
        };
    }

    private static PartitionShape shape(Object value) {
        if (value instanceof Keyword k) return PartitionShape.parse(k.getName());
        if (value instanceof String s && s.contains("/")) return PartitionShape.parse(s);
        throw new IllegalArgumentException(":partition needs :targets, a shape (:halves, :one, :leader, :ring, :bridge) or groups such as \"n1,n2/n3,n4,n5\"");
    }

    private static Target target(Object value) {
        if (value instanceof Keyword k) return new Target.Role(k.getName());
        if (value instanceof List<?> list) {
            List<String> ids = new ArrayList<>();
            for (Object o : list) {
                String id = o instanceof us.bpsm.edn.Symbol s ? s.getName() : o instanceof String s ? s : null;
                if (id == null || !id.matches("n[1-9][0-9]{0,3}")) throw new IllegalArgumentException("target " + o + " is not a node name such as n1");
                if (ids.contains(id)) throw new IllegalArgumentException("target " + id + " is named twice");
                ids.add(id);
            }
            return new Target.Nodes(ids);
        }
        throw new IllegalArgumentException(":targets must be a role (:" + String.join(", :", Target.ROLES) + ") or a vector of nodes such as [n1 n2]");
    }

    private static String keyword(Map<?, ?> m, String key) {
        if (m.get(kw(key)) instanceof Keyword k) return k.getName();
        throw new IllegalArgumentException(":" + key + " must be a keyword, such as :" + key + (key.equals("fault") ? " :kill" : key.equals("on") ? " :leader-elected" : " :ok-write"));
    }

    private static Duration duration(Map<?, ?> m, String key, boolean signed) {
        Object value = m.get(kw(key));
        if (!(value instanceof String s)) throw new IllegalArgumentException(":" + key + " must be a duration string such as \"10s\"");
        boolean negative = signed && s.strip().startsWith("-");
        try {
            Duration d = Durations.parse(negative ? s.strip().substring(1) : s);
            return negative ? d.negated() : d;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(":" + key + " " + e.getMessage());
        }
    }

    private static Keyword kw(String name) { return Keyword.newKeyword(name); }

    /** edn-java recurses per level; a schedule needs three, so anything deeper is refused before parsing. */
    private static void checkDepth(String text) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            } else if (c == '"') inString = true;
            else if (c == ';') {
                while (i < text.length() && text.charAt(i) != '\n') i++;
            } else if (c == '{' || c == '[' || c == '(') {
                if (++depth > MAX_DEPTH) throw new IllegalArgumentException("nested deeper than " + MAX_DEPTH + " levels; a schedule needs three");
            } else if (c == '}' || c == ']' || c == ')') depth--;
        }
    }
}
