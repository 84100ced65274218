package raftlab.harness.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCatalogTest {
    @Test void listsEveryRunNewestFirstWithItsVerdictWord(@TempDir Path store) throws Exception {
        StoreFixture.run(store, "sim-register", "20261205T100000.000", "true", null);
        Path bad = StoreFixture.run(store, "sim-register-bug-stale-reads", "20261206T100000.000", "false", "read returned 0, but write 1 finished");
        Path unknown = Files.createDirectories(store.resolve("sim-register/20261206T110000.000")); // still running: no files yet
        Files.createSymbolicLink(store.resolve("latest"), store.relativize(unknown));
        Files.createSymbolicLink(store.resolve("sim-register/latest"), Path.of("20261206T110000.000"));
        RunCatalog catalog = new RunCatalog(store);
        List<RunSummary> runs = catalog.runs();
        assertEquals(List.of("unknown", "invalid", "valid"), runs.stream().map(RunSummary::verdict).toList(), "the latest links are not runs");
        RunSummary invalid = runs.get(1);
        assertEquals("sim-register-bug-stale-reads/20261206T100000.000", invalid.path());
        assertEquals(List.of("stale-reads"), invalid.bugs());
        assertEquals(List.of("partition"), invalid.nemeses());
        assertEquals(4, invalid.operations());
        assertEquals(10033, invalid.durationMillis());
        assertEquals("read returned 0, but write 1 finished", invalid.explanation());
        assertSame(invalid, catalog.runs().get(1), "an unchanged run is not parsed again");
        Files.writeString(bad.resolve("results.json"), "{\"valid?\": true}");
        Files.setLastModifiedTime(bad.resolve("results.json"), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertEquals("valid", catalog.runs().get(1).verdict(), "a rewritten run (raftlab analyze) is read again");
    }

    @Test void filtersByVerdictTestAndDay(@TempDir Path store) throws Exception {
        StoreFixture.run(store, "a", "20261205T100000.000", "true", null);
        StoreFixture.run(store, "b", "20261206T100000.000", "false", "x");
        StoreFixture.run(store, "b", "20261206T120000.000", "true", null);
        List<RunSummary> runs = new RunCatalog(store).runs();
        assertEquals(1, IndexFilter.parse("verdict=invalid").apply(runs).size());
        assertEquals(2, IndexFilter.parse("test=b&verdict=").apply(runs).size());
        assertEquals(1, IndexFilter.parse("date=2026-12-05").apply(runs).size());
        assertEquals(3, IndexFilter.parse("date=&test=&bogus=1&%zz").apply(runs).size());
        String html = IndexPage.render("store", runs, IndexFilter.parse("verdict=invalid"));
        assertTrue(html.contains("href=\"runs/b/20261206T100000.000/\""), html);
        assertTrue(html.contains("1 of 3 runs shown"), html);
    }
}
