package raftlab.harness.serve;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import raftlab.conventions.ExitCodes;
import raftlab.conventions.InputError;
import raftlab.harness.store.RunStore;

/** {@code raftlab serve}: a read-only web view of the store, the runs index and a page per run. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serves the store read-only over HTTP: every run with its verdict, and a page per run with its",
                "timeline, faults, plots and logs. Stop it with Ctrl-C."})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--store", paramLabel = "DIR", description = "The store directory (default: store under RAFTLAB_HOME).")
    Path store;
    @Option(names = "--host", description = "Address to listen on; 0.0.0.0 shares the store with the network (default: ${DEFAULT-VALUE}).",
            defaultValue = "127.0.0.1")
    String host;
    @Option(names = "--port", description = "Port to listen on (default: ${DEFAULT-VALUE}).", defaultValue = "8080")
    int port;

    @Override public Integer call() throws InterruptedException {
        Path root = store != null ? store : RunStore.defaultRoot();
        if (!Files.isDirectory(root)) {
            throw new InputError("no store at " + root.toAbsolutePath() + "; run raftlab test first, or give --store DIR");
        }
        if (port < 0 || port > 65535) throw new InputError("--port " + port + " is not a port; give 0..65535");
        StoreServer server;
        try {
            server = StoreServer.start(root, host, port);
        } catch (BindException e) {
            throw new InputError("cannot listen on " + host + ":" + port + " (" + e.getMessage() + "); choose another --port", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new InputError("cannot serve " + root + " on " + host + ":" + port + " (" + e.getMessage() + "); check --host and --store", e);
        }
        var address = server.address();
        String shown = address.getAddress().isAnyLocalAddress() ? "localhost" : address.getHostString();
        System.out.println("serving " + root.toAbsolutePath() + " read-only at http://" + shown + ":" + address.getPort() + "/ (Ctrl-C stops)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
        return ExitCodes.VALID;
    }
}
