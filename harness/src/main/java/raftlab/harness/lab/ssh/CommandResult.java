package raftlab.harness.lab.ssh;

/** What a command run on a host over SSH printed and how it exited. */
public record CommandResult(String host, String command, int exitStatus, String stdout, String stderr) {
    public boolean ok() { return exitStatus == 0; }

    /** The first line of stderr (or stdout), for one-sentence errors. */
    public String firstErrorLine() {
        String text = stderr.isBlank() ? stdout : stderr;
        String line = text.strip().lines().findFirst().orElse("");
        return line.isEmpty() ? "exit status " + exitStatus : line;
    }
}
