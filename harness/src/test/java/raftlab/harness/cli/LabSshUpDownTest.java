package raftlab.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftlab.harness.lab.ssh.ClockMode;
import raftlab.harness.lab.ssh.SshOptions;

class LabSshUpDownTest {
    @TempDir Path dir;

    /** Hosts in namespaces share this machine's clock: a by-hand clock fault in system mode would set it, so a mismatch is refused. */
    @Test void aClockModeOtherThanTheLabsIsRefused() throws Exception {
        Files.writeString(dir.resolve("lab.properties"), "clockMode=FAKETIME\n");
        SshOptions system = SshOptions.of(List.of("a", "b", "c")).withClockMode(ClockMode.SYSTEM);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabSshUpDown.checkClockMode(dir, system));
        assertTrue(e.getMessage().contains("--clock-mode faketime"), e.getMessage());
        LabSshUpDown.checkClockMode(dir, system.withClockMode(ClockMode.FAKETIME));
    }

    @Test void eachSetOfHostsHasItsOwnStateDirectory() {
        Path one = LabTarget.sshStateDir(SshOptions.of(List.of("a", "b", "c")), null);
        assertEquals(one, LabTarget.sshStateDir(SshOptions.of(List.of("a", "b", "c")), null));
        assertNotEquals(one, LabTarget.sshStateDir(SshOptions.of(List.of("a", "b", "d")), null));
        assertEquals(dir, LabTarget.sshStateDir(SshOptions.of(List.of("a", "b", "c")), dir));
    }
}
