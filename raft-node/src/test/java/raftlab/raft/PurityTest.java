package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core must stay a pure state machine: no I/O, threads, locks, clocks or randomness of its
 * own, and no iteration over hash-ordered collections. This scans its sources for the ways in.
 */
class PurityTest {
    private static final List<Pattern> FORBIDDEN = List.of(
            Pattern.compile("import\\s+java\\.io\\."),
            Pattern.compile("import\\s+java\\.net\\."),
            Pattern.compile("import\\s+java\\.nio\\.file\\."),
            Pattern.compile("import\\s+java\\.nio\\.channels\\."),
            Pattern.compile("import\\s+java\\.util\\.concurrent"),
            Pattern.compile("import\\s+java\\.time\\."),
            Pattern.compile("\\bThread\\b"),
            Pattern.compile("\\bsynchronized\\b"),
            Pattern.compile("System\\s*\\.\\s*(currentTimeMillis|nanoTime)"),
            Pattern.compile("new\\s+Random\\s*\\("),
            Pattern.compile("Math\\s*\\.\\s*random"),
            Pattern.compile("ThreadLocalRandom"),
            Pattern.compile("\\bHashMap\\b"),
            Pattern.compile("\\bHashSet\\b"),
            Pattern.compile("System\\s*\\.\\s*(out|err|exit|getenv|getProperty)"));

    @Test
    void theCoreDoesNoIoReadsNoClockAndDrawsNoRandomNumberOfItsOwn() throws IOException {
        Path root = Path.of("src/main/java/raftlab/raft");
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                files++;
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).replaceAll("//.*$", "");
                    if (line.trim().startsWith("*") || line.trim().startsWith("/*")) continue;
                    for (Pattern p : FORBIDDEN) {
                        if (p.matcher(line).find()) violations.add(file + ":" + (i + 1) + ": " + p.pattern() + ": " + line.trim());
                    }
                }
            }
        }
        assertEquals(true, files > 20, "found only " + files + " core sources under " + root.toAbsolutePath());
        assertEquals(List.of(), violations);
    }
}
