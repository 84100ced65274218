package raftlab.harness.lab.ssh;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The shell scripts the ssh lab runs on a host, one per operation, for one node whose files all
 * live in {@code dir} ({@code raft-node.jar}, {@code data/}, {@code node.log}, {@code node.pid},
 * {@code faketime}). Pure functions of their arguments, so tests can read them; every word from
 * outside goes through {@link Shell#quote}. They need only POSIX sh, coreutils, procps and iptables.
 */
public final class RemoteScripts {
    /** iptables chains of the lab's own, jumped to from INPUT, so that healing never touches other rules. */
    static final String PARTITION_CHAIN = "raftlab-partition";
    static final String LOSS_CHAIN = "raftlab-loss";

    private RemoteScripts() {}

    /**
     * Prints the path of libfaketime when {@code needFaketime}, and fails with one sentence when a
     * tool the lab needs is missing on the host.
     */
    public static String checkPrerequisites(boolean needFaketime) {
        StringBuilder s = new StringBuilder();
        s.append("missing=''\n");
        s.append("for t in java iptables ps setsid nohup timeout sha256sum; do command -v $t >/dev/null 2>&1 || missing=\"$missing $t\"; done\n");
        s.append("if [ -n \"$missing\" ]; then echo \"missing on this host:$missing; install openjdk-17-jre-headless, iptables and procps (vagrant/provision.sh does)\" >&2; exit 1; fi\n");
        if (needFaketime) {
            s.append("lib=$(ls /usr/lib/*/faketime/libfaketime.so.1 /usr/lib/faketime/libfaketime.so.1 /usr/local/lib/faketime/libfaketime.so.1 2>/dev/null | head -1)\n");
            s.append("if [ -z \"$lib\" ]; then echo 'libfaketime is missing on this host; install the faketime package' >&2; exit 1; fi\n");
            s.append("echo \"$lib\"\n");
        }
        return s.toString();
    }

    /** Prints the SHA-256 of the node's jar, or nothing when there is none. */
    public static String jarDigest(String dir) {
        return "sha256sum " + Shell.quote(dir + "/raft-node.jar") + " 2>/dev/null | cut -d' ' -f1; true";
    }

    public static String makeDir(String dir) {
        return "mkdir -p " + Shell.quote(dir);
    }

    /** Removes the node's data, log, pid and clock files (the jar stays, to save the next upload). */
    public static String wipe(String dir) {
        String d = Shell.quote(dir);
        return "rm -rf " + d + "/data " + d + "/node.log " + d + "/node.pid " + d + "/faketime " + d + "/faketime.tmp";
    }

    /** Removes everything the lab put in the node's directory, and the directory when empty. */
    public static String removeAll(String dir) {
        String d = Shell.quote(dir);
        return "rm -rf " + d + "/data " + d + "/node.log " + d + "/node.pid " + d + "/faketime " + d + "/faketime.tmp "
                + d + "/raft-node.jar " + d + "/raft-node.jar.part " + d + "/secrets; rmdir " + d + " 2>/dev/null; rmdir \"$(dirname " + d + ")\" 2>/dev/null; true";
    }

    /**
     * A shell function {@code node_pid} that prints the recorded pid when that process is alive and
     * really is this node (its command line names the node's jar), so that a recycled pid is never
     * signalled; a zombie counts as dead.
     */
    static String nodePidFunction(String dir) {
        String jar = Shell.quote(dir + "/raft-node.jar");
        return "node_pid() {\n"
                + "  pid=$(cat " + Shell.quote(dir + "/node.pid") + " 2>/dev/null) || return 1\n"
                + "  [ -n \"$pid\" ] || return 1\n"
                + "  st=$(ps -o stat= -p \"$pid\" 2>/dev/null) || return 1\n"
                + "  case \"$st\" in Z*) return 1;; esac\n"
                + "  tr '\\000' ' ' < /proc/\"$pid\"/cmdline 2>/dev/null | grep -qF -- " + jar + " || return 1\n"
                + "  echo \"$pid\"\n"
                + "}\n";
    }

    /**
     * Starts the node as a daemon in its own session (setsid, nohup, output to node.log), records
     * its pid and prints it; under libfaketime when {@code faketimeLib} is given. Does nothing but
     * print the pid when the node already runs. Fails, with the log's last lines, when the node
     * dies at once.
     */
    public static String start(String dir, List<String> javaOptions, String mainClass, List<String> nodeArgs, String faketimeLib) {
        String d = Shell.quote(dir);
        StringBuilder s = new StringBuilder();
        s.append(nodePidFunction(dir));
        s.append("if p=$(node_pid); then echo \"$p\"; exit 0; fi\n");
        s.append("mkdir -p ").append(d).append("/data\n");
        s.append("cd ").append(d).append('\n');
        StringBuilder env = new StringBuilder("env");
        if (faketimeLib != null) {
            s.append("[ -f faketime ] || echo +0 > faketime\n");
            env.append(" LD_PRELOAD=").append(Shell.quote(faketimeLib))
                    .append(" FAKETIME_TIMESTAMP_FILE=").append(Shell.quote(dir + "/faketime"))
                    .append(" FAKETIME_DONT_FAKE_MONOTONIC=1 FAKETIME_CACHE_DURATION=0")
                    // libfaketime's monotonic fix rewrites every timed wait of the JVM and slows the node fiftyfold.
                    .append(" FAKETIME_FORCE_MONOTONIC_FIX=0");
        }
        s.append(env).append(" setsid nohup java ").append(Shell.join(javaOptions))
                .append(" -cp ").append(Shell.quote(dir + "/raft-node.jar")).append(' ').append(Shell.quote(mainClass))
                .append(' ').append(Shell.join(nodeArgs))
                .append(" >> node.log 2>&1 < /dev/null &\n");
        s.append("pid=$!\n");
        s.append("echo \"$pid\" > node.pid\n");
        s.append("sleep 0.5\n");
        s.append("if ! node_pid >/dev/null; then echo \"the node exited at once: $(tail -n 3 node.log | tr '\\n' ' ')\" >&2; exit 1; fi\n");
        s.append("echo \"$pid\"\n");
        return s.toString();
    }

    /** Sends a signal to the recorded pid when it is the node; for KILL and TERM waits until it is gone. */
    public static String signal(String dir, String signal, Duration waitForExit) {
        // No early exit: callers append more commands after this one.
        StringBuilder s = new StringBuilder(nodePidFunction(dir));
        s.append("if pid=$(node_pid); then\n");
        s.append("  kill -").append(signal).append(" \"$pid\" 2>/dev/null || true\n");
        if (!waitForExit.isZero()) {
            long tenths = Math.max(1, waitForExit.toMillis() / 100);
            s.append("  i=0; while node_pid >/dev/null && [ $i -lt ").append(tenths).append(" ]; do sleep 0.1; i=$((i+1)); done\n");
            s.append("  if node_pid >/dev/null; then echo still-running; fi\n");
        }
        s.append("fi\n");
        return s.toString();
    }

    /** Stops gracefully: SIGTERM, then SIGKILL when the node has not exited within {@code grace}. */
    public static String stop(String dir, Duration grace) {
        return signal(dir, "TERM", grace) + "if node_pid >/dev/null; then kill -KILL \"$(node_pid)\" 2>/dev/null; sleep 0.2; fi\n";
    }

    /** Prints the pid and exits 0 when the node runs (paused counts), exits 1 otherwise. */
    public static String status(String dir) {
        return nodePidFunction(dir) + "node_pid\n";
    }

    /** Creates the lab's chains and jumps to them from INPUT, once. */
    public static String installChains() {
        StringBuilder s = new StringBuilder();
        for (String chain : List.of(LOSS_CHAIN, PARTITION_CHAIN)) {
            s.append("iptables -w -N ").append(chain).append(" 2>/dev/null || true\n");
            s.append("iptables -w -C INPUT -j ").append(chain).append(" 2>/dev/null || iptables -w -I INPUT 1 -j ").append(chain).append('\n');
        }
        return s.toString();
    }

    /** Replaces the partition rules: drop every packet from these sources. */
    public static String partition(List<String> dropFrom) {
        StringBuilder s = new StringBuilder("set -e\niptables -w -F " + PARTITION_CHAIN + "\n");
        for (String source : dropFrom) {
            s.append("iptables -w -A ").append(PARTITION_CHAIN).append(" -s ").append(Shell.quote(source)).append(" -j DROP\n");
        }
        return s.toString();
    }

    /** Replaces the packet-loss rules: drop this fraction of packets from each peer, at random. */
    public static String packetLoss(List<String> peers, double fraction) {
        StringBuilder s = new StringBuilder("set -e\niptables -w -F " + LOSS_CHAIN + "\n");
        if (fraction > 0) {
            String p = String.format(Locale.ROOT, "%.4f", Math.min(1.0, fraction));
            for (String peer : peers) {
                s.append("iptables -w -A ").append(LOSS_CHAIN).append(" -s ").append(Shell.quote(peer))
                        .append(" -m statistic --mode random --probability ").append(p).append(" -j DROP\n");
            }
        }
        return s.toString();
    }

    public static String heal() {
        return "iptables -w -F " + PARTITION_CHAIN + " 2>/dev/null; iptables -w -F " + LOSS_CHAIN + " 2>/dev/null; true";
    }

    /** Removes the lab's chains and every jump to them; harmless when they are gone already. */
    public static String removeChains() {
        StringBuilder s = new StringBuilder();
        for (String chain : List.of(PARTITION_CHAIN, LOSS_CHAIN)) {
            s.append("while iptables -w -D INPUT -j ").append(chain).append(" 2>/dev/null; do :; done\n");
            s.append("iptables -w -F ").append(chain).append(" 2>/dev/null; iptables -w -X ").append(chain).append(" 2>/dev/null\n");
        }
        s.append("if iptables -w -S 2>/dev/null | grep -q raftlab; then echo 'raftlab rules are left' >&2; exit 1; fi\n");
        return s.toString();
    }

    /**
     * libfaketime's offset for this node, written to a new file and renamed over the old one, so
     * the node never reads half a file. The node runs with FAKETIME_CACHE_DURATION=0, which makes
     * libfaketime reread the file once each second: measured here, a change was seen after 0.8 s,
     * against 2.3 s (up to 3 s, as it compares whole seconds) with FAKETIME_CACHE_DURATION=1.
     */
    public static String faketimeOffset(String dir, Duration offset) {
        String file = Shell.quote(dir + "/faketime");
        String tmp = Shell.quote(dir + "/faketime.tmp");
        return "printf '%s\\n' " + Shell.quote(faketimeSpec(offset)) + " > " + tmp + " && mv -f " + tmp + " " + file;
    }

    /** {@code +1.250} or {@code -90.000}: seconds with a sign, as libfaketime's relative offsets. */
    static String faketimeSpec(Duration offset) {
        long millis = offset.toMillis();
        String sign = millis < 0 ? "-" : "+";
        long abs = Math.abs(millis);
        return String.format(Locale.ROOT, "%s%d.%03d", sign, abs / 1000, abs % 1000);
    }

    /** Sets the host's system clock to this instant (epoch milliseconds). */
    public static String setSystemClock(long epochMillis) {
        return String.format(Locale.ROOT, "date -u -s @%d.%03d >/dev/null", Math.floorDiv(epochMillis, 1000L), Math.floorMod(epochMillis, 1000L));
    }
}
