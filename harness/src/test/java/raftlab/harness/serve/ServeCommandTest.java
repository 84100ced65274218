package raftlab.harness.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raftlab.harness.cli.RaftlabMain;

class ServeCommandTest {
    @Test void aMissingStoreIsOneSentenceAndExit254(@TempDir Path tmp) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = RaftlabMain.run("serve", "--store", tmp.resolve("nothing-here").toString(), "--port", "0");
        } finally {
            System.setErr(old);
        }
        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(254, code, said);
        assertTrue(said.startsWith("error: no store at ") && said.contains("give --store DIR") && !said.contains("\tat "), said);
    }
}
