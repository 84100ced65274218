package raftlab.harness.serve;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/** Stores for the benchmark: many small runs, or one run with a long history. Seeded, so every run of the bench draws the same. */
final class SyntheticRuns {
    private SyntheticRuns() {}

    /** {@code count} runs over ten tests and a week of days, one in seven invalid. */
    static void manyRuns(Path store, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            String stamp = String.format(Locale.ROOT, "202612%02dT%02d%02d%02d.%03d", 1 + i % 7, i / 60 % 24, i % 60, i * 7 % 60, i % 1000);
            boolean invalid = i % 7 == 3;
            StoreFixture.run(store, "campaign-" + (i % 10), stamp, invalid ? "false" : i % 23 == 5 ? "\"unknown\"" : "true",
                    invalid ? "read returned 3, but write 4 finished before this read began" : null);
        }
    }

    /**
     * One run with {@code operations} client operations (an invocation and a completion each) by 10
     * processes at about 200 per second, about one in 2,000 ending :info (its process then retired),
     * a partition every 10 s, and the checker's failure pinned to the operation in the middle.
     */
    static Path longRun(Path store, int operations, long seed) throws IOException {
        Path run = Files.createDirectories(store.resolve("long-history").resolve("20261206T050000.000"));
        SplittableRandom random = new SplittableRandom(seed);
        int processes = 10;
        long[] nextFree = new long[processes];
        long[] processId = new long[processes];
        for (int p = 0; p < processes; p++) processId[p] = p;
        long nextProcess = processes, index = 0, failingIndex = -1, time = 0;
        StringBuilder line = new StringBuilder(160);
        try (BufferedWriter out = Files.newBufferedWriter(run.resolve("history.jsonl"))) {
            long nextFault = 5_000_000_000L;
            boolean partitioned = false;
            for (int i = 0; i < operations; i++) {
                time += 1_000_000_000L / 200;
                if (time >= nextFault) {
                    out.write(String.format(Locale.ROOT, "{\"index\": %d, \"time\": %d, \"type\": \"info\", \"process\": \"nemesis\", \"f\": \"%s\", \"value\": %s}%n",
                            index++, time, partitioned ? "stop-partition" : "start-partition", partitioned ? "null" : "\"halves [n1 n2] [n3 n4 n5]\""));
                    partitioned = !partitioned;
                    nextFault += 5_000_000_000L;
                }
                int p = random.nextInt(processes);
                long start = Math.max(time, nextFree[p]);
                long latency = 1_000_000L + (long) (random.nextDouble() * random.nextDouble() * 40_000_000L);
                String f = switch (random.nextInt(3)) { case 0 -> "read"; case 1 -> "write"; default -> "cas"; };
                String value = f.equals("cas") ? "[" + random.nextInt(5) + ", " + random.nextInt(5) + "]" : f.equals("write") ? "" + random.nextInt(5) : "null";
                String type = random.nextInt(2000) == 0 ? "info" : random.nextInt(5) == 0 ? "fail" : "ok";
                if (i == operations / 2) { failingIndex = index; f = "read"; value = "null"; type = "ok"; }
                String done = f.equals("read") && type.equals("ok") ? "" + random.nextInt(5) : value;
                line.setLength(0);
                line.append("{\"index\": ").append(index++).append(", \"time\": ").append(start).append(", \"type\": \"invoke\", \"process\": ")
                        .append(processId[p]).append(", \"f\": \"").append(f).append("\", \"value\": ").append(value).append("}\n");
                line.append("{\"index\": ").append(index++).append(", \"time\": ").append(start + latency).append(", \"type\": \"").append(type)
                        .append("\", \"process\": ").append(processId[p]).append(", \"f\": \"").append(f).append("\", \"value\": ").append(done)
                        .append(type.equals("fail") ? ", \"error\": \"mismatch\"" : "").append(", \"node\": \"n").append(1 + random.nextInt(5)).append("\"}\n");
                out.write(line.toString());
                nextFree[p] = start + latency;
                if (type.equals("info")) processId[p] = nextProcess++;
            }
        }
        Files.writeString(run.resolve("test.json"), "{\"name\":\"long-history\",\"lab\":\"sim\",\"workload\":\"register\",\"nemesis\":[\"partition\"],\"bugs\":[]}");
        Files.writeString(run.resolve("results.json"), String.format(Locale.ROOT,
                "{\"valid?\":false,\"summary\":\"invalid: not linearizable\",\"ok-count\":%d,\"fail-count\":0,\"info-count\":0,"
                        + "\"linearizable\":{\"not-valid-keys\":[{\"key\":null,\"valid?\":false,\"explanation\":\"read returned a value it could not (synthetic)\"}],"
                        + "\"checker\":{\"invoke\":{\"index\":%d}}},\"simulated-millis\":%d}", operations, failingIndex, time / 1_000_000));
        return run;
    }
}
