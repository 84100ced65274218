package raftlab.harness.cli;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import raftlab.harness.client.ClientAuthorization;
import raftlab.harness.client.HttpConnection;
import raftlab.harness.client.HttpResponse;
import raftlab.harness.client.NotSentException;
import raftlab.harness.lab.LabNode;
import raftlab.harness.lab.hand.KvAnswer;
import raftlab.harness.lab.hand.KvRequest;
import raftlab.harness.lab.local.LocalLayout;
import raftlab.harness.lab.local.NamespaceGuard;
import raftlab.harness.util.Durations;

/**
 * {@code raftlab lab kv NODE get|put|cas ...}: one request to one node of the local lab, sent from
 * inside the lab's control namespace. By default a redirect is shown, not followed, so that what
 * one node does on its own side of a partition can be seen.
 */
@Command(name = "kv", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sends one request to one node of the local lab, from inside the lab's control namespace.",
                "raft-node kv is for clusters on loopback and for the VMs; the local lab's addresses are reachable only from its control namespace, so use this for it.",
                "Exit codes: 0 done, 1 certainly not done (a redirect not followed, 409, 503, unreachable), 2 unknown (504, 500, no answer), 254 bad arguments."})
public final class LabKvCommand implements Callable<Integer> {
    private static final int MAX_REDIRECTS = 3;

    @Parameters(index = "0", paramLabel = "NODE", description = "The node to ask, such as n1.")
    String node;
    @Parameters(index = "1", paramLabel = "get|put|cas")
    String op;
    @Parameters(index = "2..*", paramLabel = "ARG", description = "KEY; KEY VALUE; KEY EXPECT VALUE (JSON scalars: 5, -5, \"5\", null; a bare word is a string).")
    List<String> words = new ArrayList<>();
    @Option(names = "--follow", description = "Follow redirects to the leader (up to " + MAX_REDIRECTS + ").")
    boolean follow;
    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5s", description = "Give up waiting for an answer after this (default: ${DEFAULT-VALUE}).")
    String timeout;
    @Mixin LabTarget target;

    @Override public Integer call() throws Exception {
        return LabTarget.run(() -> {
            KvRequest request = KvRequest.parse(op, words);
            int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Durations.parse(timeout).toMillis());
            if (timeoutMillis <= 0) throw new IllegalArgumentException("--timeout must be positive");
            if (target.isSsh()) {
                throw new IllegalArgumentException("lab kv is for the local lab, whose nodes only its control namespace reaches; for an ssh lab use raft-node kv --peers ...");
            }
            LocalLayout layout = target.layout();
            LabNode asked = LabTarget.node(layout, node);
            LabTarget.requireUp(layout);
            return InControlNamespace.run(layout, () -> {
                KvAnswer answer = send(layout, asked, request, timeoutMillis);
                System.out.println(answer.line());
                return answer.exitCode();
            });
        });
    }

    private KvAnswer send(LocalLayout layout, LabNode asked, KvRequest request, int timeoutMillis) {
        NamespaceGuard.requireInside(layout.controlNamespace());
        String who = asked.id();
        String host = asked.host();
        int port = asked.clientPort();
        String path = request.path();
        byte[] body = request.body() == null ? null : request.body().getBytes(StandardCharsets.UTF_8);
        for (int hop = 0; ; hop++) {
            HttpResponse response;
            try (HttpConnection connection = new HttpConnection(host, port, Math.min(2000, timeoutMillis))) {
                response = connection.exchange(request.method(), path, body, ClientAuthorization.with(Map.of(), asked.clientToken()), timeoutMillis);
            } catch (NotSentException e) {
                return KvAnswer.notSent(who, host + ":" + port + ": " + e.getMessage());
            } catch (SocketTimeoutException e) {
                return KvAnswer.noAnswer(who, "nothing within " + timeout);
            } catch (IOException e) {
                return KvAnswer.noAnswer(who, "connection lost: " + e.getMessage());
            }
            String leader = response.header("raft-leader");
            String location = response.header("location");
            if (response.status() != 307 || !follow || hop >= MAX_REDIRECTS) {
                return KvAnswer.of(who, response.status(), leader, location, response.bodyText());
            }
            URI next = location == null ? null : URI.create(location);
            // Only a lab address is followed: a Location elsewhere would send lab traffic out of the lab.
            if (next == null || next.getHost() == null || !next.getHost().startsWith(layout.subnet() + ".")) {
                return KvAnswer.of(who, response.status(), leader, location, response.bodyText());
            }
            who = who + " -> " + (leader != null ? leader : next.getHost());
            host = next.getHost();
            port = next.getPort();
            if (next.getRawPath() != null && !next.getRawPath().isEmpty()) path = next.getRawPath();
        }
    }
}
