package raftlab.harness.lab.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ClockSafetyTest {
    private static final Optional<String> OURS = Optional.of("5c1e0f3a-0000-4000-8000-000000000001");
    private static final Optional<String> A_VM = Optional.of("9d2f4b7c-0000-4000-8000-000000000002");

    private static Map<String, Optional<String>> hosts(Optional<String> n1, Optional<String> n2) {
        Map<String, Optional<String>> m = new TreeMap<>();
        m.put("n1 (10.0.0.11:22)", n1);
        m.put("n2 (10.0.0.12:22)", n2);
        return m;
    }

    @Test
    void systemIsRefusedWhenAHostSharesTheHarnessBootId() {
        String why = ClockSafety.refusal(ClockMode.SYSTEM, OURS, hosts(A_VM, OURS)).orElseThrow();
        assertEquals("n2 (10.0.0.12:22) shares this machine's kernel (the same boot id), so --clock-mode system would set this"
                + " machine's clock; use --clock-mode faketime", why);
        assertTrue(ClockSafety.refusal(ClockMode.SYSTEM, OURS, hosts(OURS, OURS)).orElseThrow()
                .startsWith("n1 (10.0.0.11:22), n2 (10.0.0.12:22) share this machine's kernel"));
    }

    @Test
    void systemIsAllowedOnHostsWithKernelsOfTheirOwn() {
        assertEquals(Optional.empty(), ClockSafety.refusal(ClockMode.SYSTEM, OURS, hosts(A_VM, Optional.of("another"))));
        assertEquals(Optional.empty(), ClockSafety.refusal(ClockMode.SYSTEM, Optional.empty(), hosts(A_VM, A_VM)), "no boot id here: not Linux");
    }

    @Test
    void faketimeSetsNoSystemClockAndIsAlwaysAllowed() {
        assertEquals(Optional.empty(), ClockSafety.refusal(ClockMode.FAKETIME, OURS, hosts(OURS, Optional.empty())));
    }

    @Test
    void anUnreadableBootIdIsRefusedForSystem() {
        String why = ClockSafety.refusal(ClockMode.SYSTEM, OURS, hosts(A_VM, Optional.empty())).orElseThrow();
        assertTrue(why.startsWith("cannot read n2 (10.0.0.12:22)'s /proc/sys/kernel/random/boot_id") && why.endsWith("use --clock-mode faketime"), why);
    }

    @Test
    void thisMachineHasABootIdOnLinux() {
        if (System.getProperty("os.name").startsWith("Linux")) assertTrue(ClockSafety.ownBootId().isPresent());
    }
}
