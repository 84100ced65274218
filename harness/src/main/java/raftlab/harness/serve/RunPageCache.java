package raftlab.harness.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last few run pages rendered, reused while the files they were made from keep their size and
 * modification time: a long history takes a second to read, and people come back to the page they
 * were looking at. A handful of pages of a few megabytes each bounds the memory.
 */
final class RunPageCache {
    static final int PAGES = 4;

    private record Entry(String key, String html) {}

    private final Map<Path, Entry> pages = new LinkedHashMap<>(8, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<Path, Entry> eldest) { return size() > PAGES; }
    };

    String page(Path store, Path run) throws IOException {
        String key = key(run);
        synchronized (pages) {
            Entry e = pages.get(run);
            if (e != null && e.key().equals(key)) return e.html();
        }
        String html = RunPage.render(store, run);
        synchronized (pages) {
            pages.put(run, new Entry(key, html));
        }
        return html;
    }

    /** What changes when anything the page shows changes: the directory (files added, renamed) and the files it reads. */
    private static String key(Path run) throws IOException {
        StringBuilder key = new StringBuilder();
        key.append(Files.getLastModifiedTime(run).toMillis());
        for (Path p : RunPage.listing(run)) {
            key.append(';').append(p.getFileName()).append(':').append(Files.size(p)).append(':').append(Files.getLastModifiedTime(p).toMillis());
        }
        return key.toString();
    }
}
