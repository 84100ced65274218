package raftlab.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import raftlab.conventions.CommandErrors;
import raftlab.conventions.ExitCodes;

/** The {@code raft-node} command. */
@Command(name = "raft-node", mixinStandardHelpOptions = true, version = "raft-node 0.1.0",
        description = "A Raft key-value store node, its client, a local cluster and a benchmark.",
        subcommands = {RunCommand.class, KvCommand.class, StatusCommand.class, WatchCommand.class, AdminCli.class,
                ClusterCommand.class, BenchCommand.class, ProbeCommand.class, RepairCommand.class})
public final class RaftNodeMain implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String[] args) {
        CommandLine cli = commandLine();
        try {
            return CommandErrors.execute(cli, expandConfig(args));
        } catch (UserError e) {
            System.err.println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
    }

    /** The command with raftlab's exit codes for bad arguments and crashes; options may be given twice (the last wins). */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new RaftNodeMain());
        cli.setOverwrittenOptionsAllowed(true);
        return CommandErrors.install(cli);
    }

    /** {@code run --config FILE}: the file's options go first, so the command line overrides them. */
    static String[] expandConfig(String[] args) {
        if (args.length == 0 || !args[0].equals("run")) return args;
        List<String> rest = new ArrayList<>();
        Path config = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) config = Path.of(args[++i]);
            else if (args[i].startsWith("--config=")) config = Path.of(args[i].substring("--config=".length()));
            else rest.add(args[i]);
        }
        if (config == null) return args;
        List<String> expanded = new ArrayList<>(List.of("run"));
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(config));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserError("the config file " + config + " does not exist; check the path given to --config");
        } catch (IOException e) {
            throw new UserError("cannot read the config file " + config + " (" + e.getMessage() + "); check that it is JSON");
        }
        if (root == null || !root.isObject()) throw new UserError("the config file " + config + " must hold a JSON object of options");
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String option = "--" + field.getKey();
            JsonNode value = field.getValue();
            if (value.isBoolean()) {
                if (value.asBoolean()) expanded.add(option);
            } else if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(v -> items.add(v.asText()));
                expanded.add(option);
                expanded.add(String.join(",", items));
            } else {
                expanded.add(option);
                expanded.add(value.asText());
            }
        }
        expanded.addAll(rest);
        return expanded.toArray(String[]::new);
    }
}
