package raftlab.harness.lab.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeTimingTest {
    @Test void oneEmulatedHostStretchesTheTimersOfAll() {
        assertEquals(NodeTiming.SLOW, NodeTiming.AUTO.resolve(List.of("kvm", "qemu\n", "kvm", "kvm", "kvm")));
    }

    @Test void hardwareVirtualisationOrNoAnswerKeepsTheNodesDefaults() {
        assertEquals(NodeTiming.NORMAL, NodeTiming.AUTO.resolve(List.of("kvm", "oracle", "none", "", "microsoft")));
        assertEquals(List.of(), NodeTiming.NORMAL.nodeArgs());
    }

    @Test void anExplicitTimingIsNotOverruledByTheHosts() {
        assertEquals(NodeTiming.NORMAL, NodeTiming.NORMAL.resolve(List.of("qemu")));
        assertEquals(NodeTiming.SLOW, NodeTiming.SLOW.resolve(List.of("kvm")));
    }

    @Test void slowTimersAreLongerThanTheNodesDefaults() {
        List<String> args = NodeTiming.SLOW.nodeArgs();
        assertEquals("2s", args.get(args.indexOf("--election-timeout") + 1));
        assertEquals("300ms", args.get(args.indexOf("--heartbeat") + 1));
    }

    @Test void anUnknownTimingIsOneSentence() {
        var e = assertThrows(IllegalArgumentException.class, () -> NodeTiming.parse("fast"));
        assertTrue(e.getMessage().startsWith("unknown --node-timing fast; use auto, normal or slow"), e.getMessage());
        assertEquals(NodeTiming.SLOW, NodeTiming.parse("slow"));
    }

    @Test void slowHostsGetLongerClientAndLivenessTimeoutsButNeverShorterOnes() {
        assertEquals(Duration.ofSeconds(15), NodeTiming.SLOW.clientTimeout(Duration.ofSeconds(5)));
        assertEquals(Duration.ofSeconds(30), NodeTiming.SLOW.clientTimeout(Duration.ofSeconds(30)));
        assertEquals(Duration.ofSeconds(60), NodeTiming.SLOW.livenessBound(Duration.ofSeconds(10)));
        assertEquals(Duration.ofSeconds(5), NodeTiming.NORMAL.clientTimeout(Duration.ofSeconds(5)));
        assertEquals(Duration.ofSeconds(10), NodeTiming.NORMAL.livenessBound(Duration.ofSeconds(10)));
    }
}
