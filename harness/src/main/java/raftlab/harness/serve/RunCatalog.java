package raftlab.harness.serve;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every run in the store, {@code <store>/<test>/<timestamp>/}, newest first. Parsed summaries are kept
 * and reused while a run's {@code test.json} and {@code results.json} keep their modification times,
 * so a listing of a large store costs a directory walk and two stats per run.
 */
public final class RunCatalog {
    /** A store never holds this many runs in practice; the bound keeps one listing's memory finite. */
    static final int MAX_RUNS = 200_000;

    private record Cached(long stamp, RunSummary summary) {}

    private final Path store;
    private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

    public RunCatalog(Path store) { this.store = store; }

    public List<RunSummary> runs() throws IOException {
        List<RunSummary> out = new ArrayList<>();
        for (Path run : runDirectories()) {
            long stamp = modified(run.resolve("results.json")) * 31 + modified(run.resolve("test.json"));
            Cached cached = cache.get(run);
            if (cached == null || cached.stamp() != stamp) {
                cached = new Cached(stamp, RunSummaries.read(store, run));
                cache.put(run, cached);
            }
            out.add(cached.summary());
        }
        out.sort(Comparator.comparing(RunSummary::stamp).reversed().thenComparing(RunSummary::test));
        return out;
    }

    /** Run directories two levels down; the {@code latest} links and other symbolic links are not runs of their own. */
    private List<Path> runDirectories() throws IOException {
        List<Path> runs = new ArrayList<>();
        for (Path test : children(store)) {
            for (Path run : children(test)) {
                if (runs.size() >= MAX_RUNS) return runs;
                runs.add(run);
            }
        }
        return runs;
    }

    private static List<Path> children(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return out;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isDirectory() && !p.getFileName().toString().startsWith(".")) out.add(p);
            }
        }
        return out;
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
