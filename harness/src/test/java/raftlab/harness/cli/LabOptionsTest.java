package raftlab.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;

/** An option the chosen lab does not use is refused before anything starts, not silently ignored. */
class LabOptionsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "test --lab local --nodes a,b,c,d | --nodes is not used by the local lab; drop it or choose a lab that uses it (--nodes: --lab ssh)",
            "test --lab sim --nodes-file nodes --username me | --nodes-file, --username are not used by the sim lab; drop them or choose a lab that uses them (--nodes-file: --lab ssh)",
            "test --lab ssh --nodes a,b,c --node-count 4 | --node-count is not used by the ssh lab; drop it or choose a lab that uses it (--node-count: the local and sim labs)",
            "test --lab sim --leave-db-running | --leave-db-running is not used by the sim lab; drop it or choose a lab that uses it (--leave-db-running: the local and ssh labs)",
            "test --lab ssh --nodes a,b,c --lab-prefix zz | --lab-prefix is not used by the ssh lab; drop it or choose a lab that uses it (--lab-prefix: --lab local)",
            "test --lab local --node-timing slow | --node-timing is not used by the local lab; drop it or choose a lab that uses it (--node-timing: --lab ssh)"})
    void isRefusedWith254AndOneSentence(String args, String sentence) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        java.io.PrintStream savedErr = System.err;
        java.io.ByteArrayOutputStream stderr = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(stderr, true));
        int code;
        try {
            CommandLine cli = RaftlabMain.commandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));
            code = cli.execute(args.split(" "));
        } finally {
            System.setErr(savedErr);
        }
        assertEquals(254, code, stderr + err.toString());
        assertEquals("error: " + sentence, (stderr + err.toString()).strip());
    }

    @Test
    void optionsEveryLabUsesAreNeverRefused() {
        for (String lab : List.of("local", "sim", "ssh")) {
            assertEquals(List.of(), LabOptions.unused(lab, List.of("--seed", "--time-limit", "--nemesis", "--rate", "--store", "--bug")));
        }
        assertTrue(LabOptions.unused("ssh", List.of("--nodes", "--clock-mode", "--leave-db-running")).isEmpty());
    }

    /** A new option of raftlab test must say which labs use it, or it could be silently ignored again. */
    @Test
    void everyOptionOfTestSaysWhichLabsUseIt() {
        CommandLine test = RaftlabMain.commandLine().getSubcommands().get("test");
        for (var option : test.getCommandSpec().options()) {
            assertTrue(LabOptions.known(option.longestName()), option.longestName() + " is in neither list of LabOptions");
        }
    }
}
