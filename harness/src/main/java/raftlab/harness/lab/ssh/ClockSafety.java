package raftlab.harness.lab.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether the ssh lab may set its hosts' system clocks. A host whose kernel boot id is the harness's own is this machine
 * (sshd in a network namespace, say): {@code date -s} there would set this machine's clock, which raftlab never does.
 */
public final class ClockSafety {
    /** Linux's id of the running kernel, the same in every namespace and container of one boot. */
    public static final String BOOT_ID_FILE = "/proc/sys/kernel/random/boot_id";

    private ClockSafety() {}

    /** This machine's boot id, or empty where there is none (not Linux): then no host can be this machine. */
    public static Optional<String> ownBootId() {
        try {
            return Optional.of(Files.readString(Path.of(BOOT_ID_FILE)).strip()).filter(s -> !s.isEmpty());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /**
     * The sentence that refuses {@code --clock-mode system}, or empty when every host has a clock of its own.
     *
     * @param hostBootIds each host's description (such as {@code n1 (10.0.0.11)}) and its boot id, empty when unreadable
     */
    public static Optional<String> refusal(ClockMode mode, Optional<String> ownBootId, Map<String, Optional<String>> hostBootIds) {
        if (mode != ClockMode.SYSTEM) return Optional.empty();
        List<String> unknown = hostBootIds.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).sorted().toList();
        if (!unknown.isEmpty()) {
            return Optional.of("cannot read " + String.join(", ", unknown) + "'s " + BOOT_ID_FILE + ", so cannot tell whether setting its"
                    + " clock would set this machine's; use --clock-mode faketime");
        }
        if (ownBootId.isEmpty()) return Optional.empty();
        String shared = hostBootIds.entrySet().stream().filter(e -> e.getValue().equals(ownBootId)).map(Map.Entry::getKey).sorted()
                .collect(Collectors.joining(", "));
        if (shared.isEmpty()) return Optional.empty();
        return Optional.of(shared + " share" + (shared.contains(",") ? "" : "s") + " this machine's kernel (the same boot id), so"
                + " --clock-mode system would set this machine's clock; use --clock-mode faketime");
    }
}
