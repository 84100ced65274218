package raftlab.node.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import raftlab.node.client.HttpConnection;
import raftlab.node.client.KvClient;

@Command(name = "admin", mixinStandardHelpOptions = true, description = "Change the cluster: add or remove a member, transfer leadership, take a snapshot.",
        subcommands = {AdminCli.Add.class, AdminCli.Remove.class, AdminCli.Transfer.class, AdminCli.Snapshot.class})
public final class AdminCli implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    static class Common {
        @Mixin NodesOption nodes;

        @Option(names = "--admin-token-file", paramLabel = "FILE", description = "A file with the token the nodes were started with.")
        Path tokenFile;

        @Option(names = "--admin-token", paramLabel = "TOKEN", description = "The token itself (visible to others in ps; prefer --admin-token-file).")
        String token;

        @Option(names = "--timeout", converter = Durations.class, defaultValue = "10s", description = "Give up after this long (default: ${DEFAULT-VALUE}).")
        long timeoutMillis;

        int call(String action, String body, boolean anyNode) throws Exception {
            if ((token == null) == (tokenFile == null)) throw new UserError("give the admin token with --admin-token-file FILE (or --admin-token TOKEN)");
            String secret = token != null ? token : SecretFiles.read(tokenFile, "--admin-token-file");
            var endpoints = nodes.endpoints();
            if (anyNode) endpoints = endpoints.subList(0, 1);
            try (KvClient client = new KvClient(endpoints, (int) timeoutMillis)) {
                Map<String, String> headers = new java.util.LinkedHashMap<>(nodes.authorization());
                headers.put("Admin-Token", secret);
                HttpConnection.Response r = client.call("POST", "/admin/" + action, headers, body == null ? "{}" : body, timeoutMillis);
                System.out.println(r.body().trim());
                return r.status() == 200 ? 0 : r.status() == 504 ? 2 : 1;
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add node ID (started with 'run --join'); it joins as a learner and becomes a voter once caught up.")
    static final class Add implements Callable<Integer> {
        @Mixin Common common;
        @Parameters(index = "0", paramLabel = "ID") String id;

        @Option(names = "--address", required = true, paramLabel = "HOST:PEERPORT:CLIENTPORT", description = "Where the new node listens.")
        String address;

        @Override public Integer call() throws Exception {
            return common.call("add", "{\"id\":\"" + id + "\",\"address\":\"" + address + "\"}", false);
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove node ID from the cluster.")
    static final class Remove implements Callable<Integer> {
        @Mixin Common common;
        @Parameters(index = "0", paramLabel = "ID") String id;

        @Override public Integer call() throws Exception { return common.call("remove", "{\"id\":\"" + id + "\"}", false); }
    }

    @Command(name = "transfer", mixinStandardHelpOptions = true, description = "Hand leadership to node ID.")
    static final class Transfer implements Callable<Integer> {
        @Mixin Common common;
        @Parameters(index = "0", paramLabel = "ID") String id;

        @Override public Integer call() throws Exception { return common.call("transfer", "{\"id\":\"" + id + "\"}", false); }
    }

    @Command(name = "snapshot", mixinStandardHelpOptions = true, description = "Make the first node given take a snapshot now and compact its log.")
    static final class Snapshot implements Callable<Integer> {
        @Mixin Common common;

        @Override public Integer call() throws Exception { return common.call("snapshot", null, true); }
    }
}
