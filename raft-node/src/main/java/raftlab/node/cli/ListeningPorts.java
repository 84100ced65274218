package raftlab.node.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for nodes that are started later, chosen below the kernel's ephemeral range.
 *
 * <p>A port from the ephemeral range (what {@code new ServerSocket(0)} hands out) can be taken by any
 * outgoing connection before the node binds it: worst of all by a client polling that very port, which
 * on loopback may connect to itself (TCP simultaneous open) and hold the port while the node fails to
 * listen. No outgoing connection ever uses a port below the range, so once a port there is free it stays
 * free for the node.
 */
final class ListeningPorts {
    private static final int LOWEST = 10_000;
    private static final int ATTEMPTS = 1_000;
    private static final int HIGHEST = ephemeralLow() - 1;
    // Ports handed out by this JVM, so that two nodes started later never get the same one.
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private ListeningPorts() {}

    /** A port on 127.0.0.1 that nothing listens on now and that no outgoing connection will take. */
    static synchronized int free() throws IOException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST + 1);
            if (!HANDED_OUT.contains(port) && isFree(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IOException("no free loopback port between " + LOWEST + " and " + HIGHEST + " after " + ATTEMPTS + " tries");
    }

    private static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first port of Linux's ephemeral range, or its usual value where the file cannot be read. */
    private static int ephemeralLow() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            int low = Integer.parseInt(range.split("\\s+")[0]);
            return low > LOWEST + 1_000 ? low : 32_768;
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }
}
