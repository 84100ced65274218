package raftlab.harness.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorePathsTest {
    @Test void pathsInsideTheStoreResolveAndLinksWithinItAreFollowed(@TempDir Path tmp) throws Exception {
        Path store = Files.createDirectories(tmp.resolve("store"));
        Path run = StoreFixture.run(store, "sim-register", "20261206T041237.861", "true", null);
        Files.createSymbolicLink(store.resolve("latest"), store.relativize(run));
        StorePaths paths = new StorePaths(store);
        assertEquals(run.toRealPath(), paths.resolve("sim-register/20261206T041237.861").orElseThrow());
        assertEquals(run.resolve("test.json").toRealPath(), paths.resolve("latest/test.json").orElseThrow());
        assertEquals(store.toRealPath(), paths.resolve("").orElseThrow());
    }

    @Test void nothingOutsideTheStoreIsReachable(@TempDir Path tmp) throws Exception {
        Path store = Files.createDirectories(tmp.resolve("store"));
        Files.writeString(tmp.resolve("secret.txt"), "not for the web");
        Path run = StoreFixture.run(store, "sim-register", "20261206T041237.861", "true", null);
        Files.createSymbolicLink(run.resolve("escape.txt"), tmp.resolve("secret.txt"));
        Files.createSymbolicLink(store.resolve("outside"), tmp);
        StorePaths paths = new StorePaths(store);
        for (String hostile : new String[] {"../secret.txt", "sim-register/../../secret.txt", "/../secret.txt", "outside/secret.txt",
                "sim-register/20261206T041237.861/escape.txt", "sim-register/./x", "a\0b", "..\\secret.txt", "no-such-run/"}) {
            assertTrue(paths.resolve(hostile).isEmpty(), hostile + " must not resolve");
        }
    }
}
