package raftlab.harness.nemesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import raftlab.harness.history.HistoryRecorder;
import raftlab.harness.lab.HostLabControl;
import raftlab.harness.lab.LabNode;
import raftlab.harness.lab.RecordingLab;
import raftlab.harness.schedule.FaultSpec;
import raftlab.harness.schedule.ScheduleEntry;
import raftlab.harness.schedule.Trigger;
import raftlab.history.Op;

/**
 * The clock-partition fault must cut off the leader and step its clock back both before and after the cut:
 * the order is what makes a wall-clock lease outlive its leadership. The leader is the one node that answers
 * {@code GET /status} here; the others refuse connections.
 */
class ClockPartitionTest {
    private HttpServer leaderStatus;
    private RecordingLab lab;

    @BeforeEach void start() throws Exception {
        leaderStatus = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        leaderStatus.createContext("/status", exchange -> {
            byte[] body = "{\"id\":\"n3\",\"role\":\"leader\",\"term\":4}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        leaderStatus.start();
        List<LabNode> nodes = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            int port = n == 3 ? leaderStatus.getAddress().getPort() : 1; // port 1: nothing listens there
            nodes.add(new LabNode("n" + n, "127.0.0.1", 7001, port));
        }
        lab = new RecordingLab(nodes);
    }

    @AfterEach void stop() { leaderStatus.stop(0); }

    @Test void leaderClockStepsBackAroundTheCutAndTheStopUndoesBoth() {
        HistoryRecorder recorder = HistoryRecorder.onClock(() -> 0);
        Nemesis nemesis = new Nemesis(new HostLabControl(lab, 10_000), new SplittableRandom(7), recorder);
        ScheduleEntry entry = new ScheduleEntry(Duration.ZERO, Trigger.NONE, new FaultSpec.ClockPartition(Duration.ofSeconds(-90)), Duration.ofSeconds(5));
        nemesis.start(entry);
        List<Op> history = recorder.snapshot();
        String started = String.valueOf(history.get(history.size() - 1).value());

        assertEquals(3, lab.calls.size(), lab.calls.toString());
        assertTrue(lab.calls.get(0).startsWith("clock n3 -"), lab.calls.toString());
        assertEquals("partition n1,n2,n4,n5/n3", lab.calls.get(1));
        long first = Long.parseLong(lab.calls.get(0).substring("clock n3 ".length()));
        long second = Long.parseLong(lab.calls.get(2).substring("clock n3 ".length()));
        assertEquals(-90_000, first, "the first step back is the entry's offset");
        assertEquals(2 * first, second, "the second step goes back as far again");
        assertTrue(started.contains("isolate-leader n3"), started);
        assertEquals("clock-partition n3", nemesis.inForce());

        lab.calls.clear();
        nemesis.stop(entry);
        assertTrue(lab.calls.contains("heal") && lab.calls.contains("reset-clocks"), lab.calls.toString());
        assertEquals("", nemesis.inForce());
    }

    @Test void flagNameParsesBack() {
        assertEquals("clock-partition", FaultKind.CLOCK_PARTITION.flagName());
        assertEquals(FaultKind.CLOCK_PARTITION, FaultKind.parse("clock-partition"));
    }
}
