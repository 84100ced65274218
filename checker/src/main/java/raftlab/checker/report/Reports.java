package raftlab.checker.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import raftlab.checker.CheckResult;
import raftlab.checker.Failure;
import raftlab.history.Op;
import raftlab.history.ValueText;

/** Writes a check's results into a run's directory. */
public final class Reports {
    private Reports() {}

    /** results.edn, results.json, timeline.html, and linear.svg when invalid. */
    public static void writeAll(CheckResult result, List<Op> history, Path dir) throws IOException {
        Files.createDirectories(dir);
        var data = ResultsData.of(result);
        Files.writeString(dir.resolve("results.edn"), ValueText.edn(data) + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("results.json"), ValueText.json(data) + "\n", StandardCharsets.UTF_8);
        Failure failure = result.firstFailure();
        Path svg = dir.resolve("linear.svg");
        if (failure != null && failure.invoke() != null) Files.writeString(svg, LinearSvg.render(failure, history), StandardCharsets.UTF_8);
        else Files.deleteIfExists(svg); // a stale picture from an earlier run would contradict the verdict
        Files.writeString(dir.resolve("timeline.html"), TimelineHtml.render(result, history), StandardCharsets.UTF_8);
    }
}
