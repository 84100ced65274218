package raftlab.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import raftlab.checker.cli.CheckMain;
import raftlab.checker.model.Models;
import raftlab.conventions.CommandErrors;
import raftlab.history.HistoryReader;
import raftlab.history.Op;

/** What raftlab check FILE refuses (254, one sentence naming the line) instead of judging it. */
class CheckInputErrorsTest {
    @TempDir Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int check(String name, String text, String... options) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        CommandLine cli = CheckMain.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] args = new String[options.length + 1];
        System.arraycopy(options, 0, args, 0, options.length);
        args[options.length] = file.toString();
        return CommandErrors.execute(cli, args);
    }

    /** Exactly one line on standard error, starting with "error: ", and nothing on standard output. */
    private String sentence() {
        String e = err.toString();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("error: "), e);
        assertEquals("", out.toString(), "no verdict is printed");
        return e.strip();
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        assertEquals(254, check("empty.edn", "", "--model", "register"));
        assertTrue(sentence().endsWith("empty.edn holds no client operations, so there is nothing to check; pass the history of a run,"
                + " such as its history.edn"), err.toString());
    }

    @Test
    void aFileOfNemesisOperationsOnlyIsRefused() throws Exception {
        assertEquals(254, check("nemesis.edn", "{:type :info, :process :nemesis, :f :start-partition, :value nil}\n"));
        assertTrue(sentence().contains("holds no client operations"), err.toString());
    }

    @Test
    void anUnknownFunctionIsRefusedNamingItsLineAndTheModel() throws Exception {
        String text = """
                {:type :info, :process :nemesis, :f :kill, :value [:n1]}
                {:type :invoke, :process 0, :f :write, :value 1}
                {:type :ok, :process 0, :f :write, :value 1}
                {:type :invoke, :process 1, :f :frob, :value 1}
                {:type :ok, :process 1, :f :frob, :value 1}
                """;
        assertEquals(254, check("frob.edn", text, "--model", "register"));
        assertTrue(sentence().endsWith("frob.edn line 4: :frob is not an operation of the register model (it knows :cas, :delete,"
                + " :read, :write); pass the --model the history was written for"), err.toString());
    }

    @Test
    void aCompletionWithoutItsInvocationIsRefused() throws Exception {
        String text = """
                {:type :invoke, :process 0, :f :write, :value 1}
                {:type :ok, :process 0, :f :write, :value 1}
                {:type :ok, :process 2, :f :read, :value 1}
                """;
        assertEquals(254, check("orphan.edn", text));
        assertTrue(sentence().endsWith("orphan.edn line 3: process 2 completes :read (:ok) with no invocation before it; pass the whole"
                + " history as it was recorded"), err.toString());
    }

    @Test
    void aSecondInvocationBeforeACompletionIsRefused() throws Exception {
        String text = """
                {"type": "invoke", "process": 3, "f": "write", "value": 1}
                {"type": "invoke", "process": 3, "f": "read", "value": null}
                """;
        assertEquals(254, check("twice.jsonl", text));
        assertTrue(sentence().endsWith("twice.jsonl line 2: process 3 invokes :read while its :write invoked on line 1 has no completion;"
                + " a process runs one operation at a time, so pass the whole history as it was recorded"), err.toString());
    }

    @Test
    void nestingTooDeepIsRefusedNamingTheLineNotAStackOverflow() throws Exception {
        String deep = "{:type :invoke, :process 0, :f :write, :value 1}\n{:type :ok, :process 0, :f :write, :value\n"
                + "[".repeat(100_000) + "]".repeat(100_000) + "}\n";
        assertEquals(254, check("deep.edn", deep));
        assertTrue(sentence().matches("error: .*deep.edn line 3: the op that begins on line 2 nests deeper than 1000 levels here;.*"), err.toString());
    }

    @Test
    void bracketsInsideStringsCommentsAndCharactersDoNotCount() throws Exception {
        String text = "; " + "[".repeat(2000) + "\n{:type :invoke, :process 0, :f :write, :value \"" + "(".repeat(2000)
                + "\"}\n{:type :ok, :process 0, :f :write, :value \"" + "(".repeat(2000) + "\", :note \\[}\n";
        assertEquals(0, check("strings.edn", text), err.toString());
    }

    @Test
    void theLibraryStillJudgesAnEmptyHistoryValid() throws Exception {
        Path empty = dir.resolve("empty.log");
        Files.writeString(empty, "");
        List<Op> ops = HistoryReader.read(empty);
        assertEquals(Validity.VALID, Checker.check(ops, Models.byName("register", null), CheckOptions.defaults()).validity());
    }

    @Test
    void benchStillJudgesAnEmptyHistoryAsItsTableSays() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("etcd_empty.log"), "");
        Files.writeString(corpus.resolve("EXPECTED.tsv"), "path\tmodel\tops\texpected\netcd_empty.log\tetcd-cas-register\t0\tlinearizable\n");
        CommandLine cli = CheckMain.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        assertEquals(0, CommandErrors.execute(cli, "--bench", corpus.toString()), out + "\n" + err);
    }
}
