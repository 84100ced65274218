package raftlab.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import raftlab.node.client.HttpConnection;
import raftlab.node.client.KvClient;

@Command(name = "kv", mixinStandardHelpOptions = true,
        description = "Read and write keys; finds the leader by itself. Exit 0 ok, 1 certainly failed, 2 outcome unknown.",
        subcommands = {KvCommand.Get.class, KvCommand.Put.class, KvCommand.Cas.class, KvCommand.Delete.class})
public final class KvCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    static class Common {
        @Mixin NodesOption nodes;

        @Option(names = "--timeout", converter = Durations.class, defaultValue = "10s", description = "Give up after this long (default: ${DEFAULT-VALUE}).")
        long timeoutMillis;

        @Option(names = "--client-id", description = "Client id, so that a retry with the same --seq applies once.")
        String clientId;

        @Option(names = "--seq", description = "Request sequence number (with --client-id).")
        Long seq;

        int call(String method, String key, String body) throws Exception {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.putAll(nodes.authorization());
            if (clientId != null) headers.put("Client-Id", clientId);
            if (seq != null) headers.put("Request-Seq", Long.toString(seq));
            String path = "/kv/" + URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20") + (method.equals("POST") ? "/cas" : "");
            try (KvClient client = new KvClient(nodes.endpoints(), (int) Math.min(timeoutMillis, Integer.MAX_VALUE))) {
                HttpConnection.Response response;
                try {
                    response = client.call(method, path, headers, body, timeoutMillis);
                } catch (KvClient.NotSent e) {
                    System.err.println("error: " + e.getMessage() + "; check --nodes or --peers and that the nodes run");
                    return 1;
                } catch (java.io.IOException e) {
                    System.out.println("{\"error\":\"no answer (" + e.getMessage().replace("\"", "'") + "); the outcome is unknown\"}");
                    return 2;
                }
                System.out.println(response.body().trim());
                return switch (response.status()) {
                    case 200 -> 0;
                    case 504 -> 2;
                    default -> 1;
                };
            }
        }
    }

    /** A command-line value as JSON: {@code 5} and {@code "abc"} as given, anything else as a string. */
    static String jsonValue(String text) {
        try {
            JsonNode node = new ObjectMapper().readTree(text);
            if (node != null && node.isValueNode()) return node.toString();
        } catch (Exception notJson) {
            // a bare word: a string
        }
        return new ObjectMapper().valueToTree(text).toString();
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Read KEY (linearizable).")
    static final class Get implements Callable<Integer> {
        @Mixin Common common;
        @Parameters(index = "0", paramLabel = "KEY") String key;

        @Override public Integer call() throws Exception { return common.call("GET", key, null); }
    }

    @Command(name = "put", mixinStandardHelpOptions = true, description = "Write VALUE (a JSON scalar, or a bare word as a string) to KEY.")
    static final class Put implements Callable<Integer> {
        @Mixin Common common;
        @Parameters(index = "0", paramLabel = "KEY") String key;
        @Parameters(index = "1", paramLabel = "VALUE") String value;

        @Override public Integer call() throws Exception { return common.call("PUT", key, "{\"value\":" + jsonValue(value) + "}"); }
    }

    @Command(name = "cas", mixinStandardHelpOptions = true, description = "Set KEY to VALUE if it holds EXPECT (null: only if absent).")
    static final class Cas implements Callable<Integer> {
        @Mixin Common common;
        @Parameters(index = "0", paramLabel = "KEY") String key;
        @Parameters(index = "1", paramLabel = "EXPECT") String expect;
        @Parameters(index = "2", paramLabel = "VALUE") String value;

        @Override public Integer call() throws Exception {
            String e = expect.equals("null") ? "null" : jsonValue(expect);
            return common.call("POST", key, "{\"expect\":" + e + ",\"value\":" + jsonValue(value) + "}");
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Remove KEY.")
    static final class Delete implements Callable<Integer> {
        @Mixin Common common;
        @Parameters(index = "0", paramLabel = "KEY") String key;

        @Override public Integer call() throws Exception { return common.call("DELETE", key, null); }
    }
}
