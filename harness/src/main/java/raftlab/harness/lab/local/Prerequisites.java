package raftlab.harness.lab.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import raftlab.harness.lab.LabException;

/**
 * What the local lab needs from the machine: root, and the Debian packages iproute2, iptables and
 * faketime, which it installs (saying so) when run as root without them.
 */
public final class Prerequisites {
    private Prerequisites() {}

    /** Thrown for a missing prerequisite: the message is the one sentence, exit code 254. */
    public static final class Missing extends RuntimeException {
        public Missing(String message) { super(message); }
    }

    public static boolean isRoot() {
        Shell.Result id = Shell.run(List.of("id", "-u"));
        return id.ok() && id.output().trim().equals("0");
    }

    /** Checks root and installs missing packages; returns the path of libfaketime. Progress goes to {@code say}. */
    public static String ensure(java.util.function.Consumer<String> say) {
        if (!isRoot()) {
            throw new Missing("the local lab needs root for network namespaces and iptables; run it as root (sudo bin/raftlab ...)");
        }
        List<String> missing = new ArrayList<>();
        if (!onPath("ip")) missing.add("iproute2");
        if (!onPath("iptables") || !onPath("iptables-restore")) missing.add("iptables");
        if (fakeTimeLibrary() == null) missing.add("faketime");
        if (!missing.isEmpty()) {
            say.accept("installing " + String.join(", ", missing) + " with apt-get (the local lab needs them)");
            Shell.Result update = Shell.run(List.of("apt-get", "update", "-qq"));
            List<String> install = new ArrayList<>(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq"));
            install.addAll(missing);
            Shell.Result result = Shell.run(install);
            if (!result.ok()) {
                throw new Missing("could not install " + String.join(", ", missing) + (update.ok() ? "" : " (apt-get update failed)")
                        + "; install them with apt-get install " + String.join(" ", missing) + " and try again");
            }
        }
        String library = fakeTimeLibrary();
        if (library == null) throw new Missing("libfaketime is not installed; install it with apt-get install faketime and try again");
        return library;
    }

    /** The libfaketime shared object, found through dpkg -L libfaketime, then the usual places. */
    public static String fakeTimeLibrary() {
        Shell.Result listed = Shell.run(List.of("dpkg", "-L", "libfaketime"));
        if (listed.ok()) {
            for (String line : listed.output().split("\n")) {
                if (line.trim().endsWith("/libfaketime.so.1") && Files.isRegularFile(Path.of(line.trim()))) return line.trim();
            }
        }
        for (String candidate : List.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1", "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1",
                "/usr/lib/faketime/libfaketime.so.1")) {
            if (Files.isRegularFile(Path.of(candidate))) return candidate;
        }
        return null;
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        for (String dir : (path + ":/usr/sbin:/sbin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }

    /** Never true for a lab this code built; checked by status and tests as a safety net. */
    public static boolean hostHasLabRoute(LocalLayout layout) {
        Shell.Result routes = Shell.run(List.of("ip", "-o", "addr", "show"));
        Shell.Result table = Shell.run(List.of("ip", "route", "show"));
        String prefix = layout.subnet() + ".";
        return (routes.ok() && routes.output().contains(" " + prefix)) || (table.ok() && table.output().contains(prefix));
    }

    static LabException wrap(Missing missing) { return new LabException(missing.getMessage()); }
}
