package raftlab.harness.lab.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import raftlab.harness.lab.LabException;

/** Runs a short command (ip, iptables, kill) and says what went wrong in one sentence. */
public final class Shell {
    private static final Logger LOG = Logger.getLogger(Shell.class.getName());

    private Shell() {}

    public record Result(int exit, String output) {
        public boolean ok() { return exit == 0; }
    }

    /** Runs the command; output is stdout and stderr together. Exit -1 when it could not run or timed out. */
    public static Result run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out");
            }
            Result result = new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8).trim());
            LOG.fine(() -> String.join(" ", command) + " -> " + result.exit() + (result.output().isEmpty() ? "" : ": " + result.output()));
            return result;
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not run " + command, e);
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    /** Runs the command and throws a one-sentence LabException if it fails. */
    public static String must(List<String> command, String what) {
        Result result = run(command);
        if (!result.ok()) {
            throw new LabException("could not " + what + " (" + String.join(" ", command) + ": "
                    + (result.output().isEmpty() ? "exit " + result.exit() : firstLine(result.output())) + ")");
        }
        return result.output();
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
