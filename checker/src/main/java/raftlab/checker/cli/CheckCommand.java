package raftlab.checker.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import raftlab.checker.CheckOptions;
import raftlab.checker.CheckResult;
import raftlab.checker.Checker;
import raftlab.checker.Failure;
import raftlab.checker.KeyResult;
import raftlab.checker.Validity;
import raftlab.checker.bench.CorpusBench;
import raftlab.checker.bench.CorpusModels;
import raftlab.checker.bench.RegisterBench;
import raftlab.checker.model.Model;
import raftlab.checker.model.Models;
import raftlab.checker.report.Reports;
import raftlab.checker.report.ResultsData;
import raftlab.conventions.ExitCodes;
import raftlab.conventions.Seeds;
import raftlab.history.HistoryFormatException;
import raftlab.history.HistoryReader;
import raftlab.history.Op;
import raftlab.history.ValueText;

/** {@code raftlab check}: is a history linearizable? Exit 0 valid, 1 invalid, 2 unknown, 254 bad input. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks histories for linearizability and explains a failure.",
                "Reads Jepsen/raftlab EDN, raftlab JSONL, Knossos data files and Porcupine's logs.",
                "Exit codes: 0 valid, 1 invalid (or a bench mismatch), 2 unknown, 254 bad arguments or unreadable input."})
public final class CheckCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "History files (history.edn, history.jsonl, Knossos .edn, Porcupine logs).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--model", paramLabel = "NAME",
            description = "register (default; a Jepsen text log defaults to etcd-cas-register), cas-register, multi-register, mutex, set, unordered-queue, fifo-queue, etcd-cas-register, kv-append.")
    String model;

    @Option(names = "--initial", paramLabel = "EDN", description = "Start value for cas-register (default 0) or multi-register (default {:x 0 :y 0}).")
    String initial;

    @Option(names = "--time-limit", paramLabel = "DURATION", defaultValue = "60s", description = "Give up with unknown after this long, e.g. 500ms, 10s, 2m (default ${DEFAULT-VALUE}).")
    String timeLimit;

    @Option(names = "--memory-limit", paramLabel = "SIZE", description = "Bound on the search's caches, e.g. 512m, 2g (default: half the free heap).")
    String memoryLimit;

    @Option(names = "--threads", paramLabel = "N", description = "Keys checked at once (default: every core).")
    Integer threads;

    @Option(names = "--json", description = "Print results.json to standard output instead of a summary.")
    boolean json;

    @Option(names = "--out", paramLabel = "DIR", description = "Write results.edn, results.json, timeline.html and (when invalid) linear.svg here; with several files, one subdirectory each.")
    Path out;

    @Option(names = "--bench", paramLabel = "DIR", description = "Check every history in a corpus folder against its EXPECTED.tsv, after one warm-up pass.")
    Path bench;

    @Option(names = "--bench-register", description = {"Check the register benchmark: the simulator's 0x1d history, and histories generated from --seed with 1%% crashed writes, half of them landing late (20,000 ops with a stale read; 100,000 ops; 1,000,000 ops over 1,000 keys).",
            "Prints a table and a JSON line; with --out, writes each history and its reports there."})
    boolean benchRegister;

    @Option(names = "--search-only", description = "Skip the fast path for registers with unique written values (to compare it with the full search).")
    boolean searchOnly;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "Seed of --bench-register (decimal or 0x hex; default ${DEFAULT-VALUE}).")
    String seed;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    boolean verbose;

    @Override public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try {
            CheckOptions options = options();
            if (bench != null) {
                if (!Files.isDirectory(bench)) throw new UsageException("corpus folder " + bench + " does not exist; pass a folder holding EXPECTED.tsv");
                return CorpusBench.run(bench, options, stdout) ? ExitCodes.VALID : ExitCodes.INVALID;
            }
            if (benchRegister) return RegisterBench.run(parseSeed(seed), options, stdout, out).exitCode();
            if (files.isEmpty()) throw new UsageException("no history file given; pass one or more files, as in: raftlab check --model cas-register history.edn");
            Validity worst = Validity.VALID;
            Map<Path, Map<?, ?>> jsonResults = new LinkedHashMap<>();
            for (Path file : files) {
                HistoryReader.Lined lined = HistoryReader.readLined(file);
                List<Op> history = lined.ops();
                Model m = model(file);
                String problem = ClientOps.problem(file, lined, m);
                if (problem != null) throw new UsageException(problem);
                CheckResult result = Checker.check(history, m, options);
                worst = worst.and(result.validity());
                if (out != null) Reports.writeAll(result, history, files.size() == 1 ? out : out.resolve(safeName(file)));
                if (json) jsonResults.put(file, ResultsData.of(result));
                else summary(stdout, file, history, result);
            }
            if (json) {
                stdout.println(jsonResults.size() == 1 ? ValueText.json(jsonResults.values().iterator().next())
                        : ValueText.json(mapByName(jsonResults)));
            }
            stdout.flush();
            return worst.exitCode();
        } catch (UsageException e) {
            return fail(stderr, e.getMessage(), e);
        } catch (HistoryFormatException e) {
            return fail(stderr, e.file() + " line " + e.line() + ": " + e.problem()
                    + "; fix that line or pass another file", e);
        } catch (NoSuchFileException e) {
            return fail(stderr, "cannot read " + e.getFile() + ": no such file; check the path", e);
        } catch (IOException e) {
            return fail(stderr, "cannot read or write " + e.getMessage() + "; check the path and its permissions", e);
        }
    }

    private int fail(PrintWriter stderr, String sentence, Exception e) {
        stderr.println("error: " + sentence);
        if (verbose) e.printStackTrace(stderr);
        stderr.flush();
        return ExitCodes.BAD_INPUT;
    }

    private CheckOptions options() throws UsageException {
        CheckOptions o = CheckOptions.defaults();
        try {
            Duration limit = Durations.parse(timeLimit);
            o = o.withTimeLimit(limit);
            if (memoryLimit != null) o = o.withMemoryBytes(Durations.parseBytes(memoryLimit));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (threads != null) {
            if (threads < 1) throw new UsageException("--threads " + threads + " is not a positive number; pass 1 or more");
            o = o.withThreads(threads);
        }
        if (model != null && !Models.NAMES.contains(model)) {
            throw new UsageException("unknown model '" + model + "'; pass one of " + String.join(", ", Models.NAMES));
        }
        return o.withFastPath(!searchOnly);
    }

    private Model model(Path file) throws IOException, UsageException {
        String name = model;
        if (name == null) {
            String head = readHead(file);
            name = HistoryReader.detect(head) == HistoryReader.Format.JEPSEN_TEXT_LOG ? "etcd-cas-register" : "register";
        }
        try {
            return CorpusModels.model(name, initial);
        } catch (RuntimeException e) {
            throw new UsageException("--initial '" + initial + "' is not an EDN value; pass one such as 0 or {:x 0 :y 0}");
        }
    }

    private static String readHead(Path file) throws IOException {
        try (var in = Files.newBufferedReader(file)) {
            char[] buf = new char[4096];
            int n = in.read(buf);
            return n <= 0 ? "" : new String(buf, 0, n);
        } catch (java.nio.charset.MalformedInputException e) {
            return "";
        }
    }

    private static void summary(PrintWriter out, Path file, List<Op> history, CheckResult result) {
        out.printf(Locale.ROOT, "%s: %s (%s model, %d operations: %d ok, %d fail, %d info; %.0f ms)%n", file, word(result.validity()), result.model(),
                result.counts().total(), result.counts().ok(), result.counts().fail(), result.counts().info(), result.elapsedNanos() / 1e6);
        for (KeyResult k : result.keys()) {
            String key = k.key() == null ? "" : "key " + ValueText.edn(k.key()) + ": ";
            if (k.failure() != null) {
                Failure f = k.failure();
                out.println("  " + key + f.explanation());
                out.println("  longest linearizable prefix: " + f.prefix().size() + " operations; state after it: " + f.stateAfterPrefix());
            } else if (k.validity() == Validity.UNKNOWN && k.unknownReason() != null && (result.keys().size() == 1 || !k.unknownReason().contains("another key"))) {
                out.println("  " + key + "unknown: " + k.unknownReason());
            }
        }
    }

    private static String word(Validity v) {
        return switch (v) {
            case VALID -> "valid";
            case INVALID -> "invalid";
            case UNKNOWN -> "unknown";
        };
    }

    private static Map<String, Object> mapByName(Map<Path, Map<?, ?>> results) {
        Map<String, Object> m = new LinkedHashMap<>();
        results.forEach((k, v) -> m.put(k.toString(), v));
        return m;
    }

    private static String safeName(Path file) {
        return String.valueOf(file.getFileName()).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    static long parseSeed(String text) throws UsageException {
        try {
            return Seeds.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--seed: " + e.getMessage());
        }
    }

    /** A bad argument: its message is the sentence after "error: ". */
    static final class UsageException extends Exception {
        UsageException(String sentence) { super(sentence); }
    }
}
