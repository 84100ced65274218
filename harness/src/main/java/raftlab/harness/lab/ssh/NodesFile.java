package raftlab.harness.lab.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Jepsen's nodes file: one host name or address per line; blank lines and {@code #} comments are skipped. */
public final class NodesFile {
    private NodesFile() {}

    public static List<String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the nodes file " + file + " (" + e.getMessage()
                    + "); give a file with one host per line");
        }
        List<String> hosts = parse(lines);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("the nodes file " + file + " names no host; put one host per line in it");
        }
        return hosts;
    }

    public static List<String> parse(List<String> lines) {
        List<String> hosts = new ArrayList<>();
        for (String line : lines) {
            int hash = line.indexOf('#');
            String host = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (!host.isEmpty()) hosts.add(host);
        }
        return List.copyOf(hosts);
    }
}
