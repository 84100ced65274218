package raftlab.harness.lab.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import raftlab.harness.lab.LabException;

/**
 * Runs one action per host at the same time (five VMs answer in the time of the slowest, not the
 * sum) and returns the results in host order. When some fail, the first failure in host order is
 * thrown after every action has finished, so no host is left half done behind the caller's back.
 */
final class Parallel implements AutoCloseable {
    private final ExecutorService pool;

    Parallel(int hosts) {
        pool = Executors.newFixedThreadPool(Math.max(1, hosts), runnable -> {
            Thread t = new Thread(runnable, "ssh-lab");
            t.setDaemon(true);
            return t;
        });
    }

    <H, T> List<T> map(List<H> hosts, Function<H, T> action) {
        List<Future<T>> futures = new ArrayList<>();
        for (H host : hosts) futures.add(pool.submit(() -> action.apply(host)));
        List<T> results = new ArrayList<>();
        RuntimeException first = null;
        for (Future<T> future : futures) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                results.add(null);
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException r ? r : new LabException(String.valueOf(e.getCause()), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LabException("interrupted while waiting for the hosts", e);
            }
        }
        if (first != null) throw first;
        return results;
    }

    /** Like {@link #map} but every failure is handed to {@code onError} instead of thrown (for teardown). */
    <H> void forEachQuietly(List<H> hosts, java.util.function.Consumer<H> action, java.util.function.BiConsumer<H, RuntimeException> onError) {
        List<Future<?>> futures = new ArrayList<>();
        for (H host : hosts) {
            futures.add(pool.submit(() -> {
                try {
                    action.accept(host);
                } catch (RuntimeException e) {
                    onError.accept(host, e);
                }
            }));
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                // onError saw it already.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override public void close() { pool.shutdownNow(); }
}
