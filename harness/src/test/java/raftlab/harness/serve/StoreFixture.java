package raftlab.harness.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Small run directories written by hand, shaped as the store writes them. */
final class StoreFixture {
    private StoreFixture() {}

    static Path run(Path store, String test, String stamp, String valid, String explanation) throws IOException {
        Path run = Files.createDirectories(store.resolve(test).resolve(stamp));
        Files.writeString(run.resolve("test.json"), String.format(Locale.ROOT,
                "{\"name\":\"%s\",\"seed\":\"0x2a\",\"lab\":\"sim\",\"workload\":\"register\",\"nemesis\":[\"partition\"],\"bugs\":[%s]}",
                test, valid.equals("false") ? "\"stale-reads\"" : ""));
        String notValid = explanation == null ? "" : String.format(Locale.ROOT,
                "\"not-valid-keys\":[{\"key\":null,\"valid?\":false,\"explanation\":\"%s\"}],", explanation);
        Files.writeString(run.resolve("results.json"), String.format(Locale.ROOT,
                "{\"valid?\":%s,\"summary\":\"s\",\"ok-count\":3,\"fail-count\":1,\"info-count\":0,\"linearizable\":{%s\"checker\":{\"invoke\":{\"index\":4}}},"
                        + "\"liveness\":{\"valid?\":true},\"lab\":\"sim\",\"simulated-millis\":10033}", valid, notValid));
        Files.writeString(run.resolve("history.jsonl"), """
                {"index": 0, "time": 1000000, "type": "invoke", "process": 0, "f": "write", "value": 1}
                {"index": 1, "time": 2000000, "type": "ok", "process": 0, "f": "write", "value": 1, "node": "n2"}
                {"index": 2, "time": 2500000, "type": "info", "process": "nemesis", "f": "start-partition", "value": "halves [n1 n2] [n3 n4 n5]"}
                {"index": 3, "time": 3000000, "type": "info", "process": "nemesis", "f": "stop-partition", "value": null}
                {"index": 4, "time": 4000000, "type": "invoke", "process": 1, "f": "read", "value": null}
                {"index": 5, "time": 5000000, "type": "ok", "process": 1, "f": "read", "value": 0, "node": "n4"}
                {"index": 6, "time": 5500000, "type": "invoke", "process": 0, "f": "cas", "value": [1, 2]}
                {"index": 7, "time": 6000000, "type": "fail", "process": 0, "f": "cas", "value": [1, 2], "error": "mismatch", "node": "n2"}
                {"index": 8, "time": 6500000, "type": "invoke", "process": 2, "f": "write", "value": 3}
                """);
        Files.writeString(run.resolve("n1.log"), "n1 became leader in term 2\n");
        if (valid.equals("false")) {
            Files.writeString(run.resolve("schedule.edn"), "[{:at 2.5, :f :start-partition, :value :halves}\n {:at 3.0, :f :stop-partition}]\n");
            Files.writeString(run.resolve("linear.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"40\">"
                    + "<rect id=\"bad-op\" width=\"50\" height=\"20\" fill=\"#e41a1c\"/><text x=\"5\" y=\"15\">read 0</text></svg>\n");
        }
        return run;
    }
}
