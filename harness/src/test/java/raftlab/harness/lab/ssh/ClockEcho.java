package raftlab.harness.lab.ssh;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A stand-in for raft-node in the ssh lab's own test: a real JVM process started by the lab the
 * way it starts the node, which prints its wall clock (as libfaketime shows it) and its monotonic clock every 100 ms and
 * accepts TCP connections on the client port, so that the test can see clocks, signals and
 * iptables rules take effect. It ignores raft-node's arguments.
 */
public final class ClockEcho {
    public static void main(String[] args) throws IOException, InterruptedException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(SshLab.CLIENT_PORT));
        Thread acceptor = new Thread(() -> {
            while (true) {
                try (Socket s = server.accept()) {
                    s.getOutputStream().write('k');
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        while (true) {
            // The monotonic clock is not faked (FAKETIME_DONT_FAKE_MONOTONIC=1) and is shared by every
            // process of one machine, so the test can tell when each line was written, however late it reads it.
            System.out.println("clock " + System.currentTimeMillis() + " " + System.nanoTime());
            System.out.flush();
            Thread.sleep(100);
        }
    }
}
