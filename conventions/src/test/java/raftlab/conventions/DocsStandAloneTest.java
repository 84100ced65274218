package raftlab.conventions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A plain clone needs nothing beside it: every relative link of the Markdown files resolves to a file of the repository,
 * and no Markdown file or source names a path outside it ({@code ../shared}).
 */
class DocsStandAloneTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static List<Path> files(String... suffixes) throws IOException {
        try (Stream<Path> all = Files.walk(ROOT)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> Stream.of(suffixes).anyMatch(s -> p.getFileName().toString().endsWith(s)))
                    .filter(p -> {
                        String rel = ROOT.relativize(p).toString();
                        return !rel.startsWith(".git") && !rel.contains("/target/") && !rel.startsWith("target") && !rel.contains("node_modules");
                    })
                    .toList();
        }
    }

    @Test
    void everyRelativeLinkResolvesInsideTheRepository() throws IOException {
        List<Path> markdown = files(".md");
        assertTrue(markdown.contains(ROOT.resolve("docs/design.md")), "docs/design.md is there");
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path md : markdown) {
            Matcher m = LINK.matcher(Files.readString(md));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*") || target.startsWith("#")) continue;
                links++;
                Path resolved = md.getParent().resolve(target.replaceFirst("#.*$", "")).normalize();
                if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) broken.add(ROOT.relativize(md) + " -> " + target);
            }
        }
        assertTrue(links > 10, "the scan found the links (" + links + ")");
        assertEquals(List.of(), broken);
    }

    @Test
    void nothingPointsOutsideTheRepository() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path f : files(".md", ".java", ".clj", ".sh", "Vagrantfile", "run")) {
            if (f.toString().endsWith("DocsStandAloneTest.java")) continue;
            if (Files.readString(f).contains("../shared")) offenders.add(ROOT.relativize(f).toString());
        }
        assertEquals(List.of(), offenders);
    }
}
