package raftlab.harness.lab.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import raftlab.harness.lab.LabException;

/**
 * The last check before anything is sent to a lab address: this process must be inside the lab's
 * control namespace. The host's own namespace has no route to the lab's subnet, so a packet sent
 * from there would go out of the machine's default gateway. The check compares the network
 * namespace of this process with the named one by device and inode, which an environment variable
 * cannot fake.
 */
public final class NamespaceGuard {
    private NamespaceGuard() {}

    /** True when this process's network namespace is {@code /run/netns/<name>}. */
    public static boolean inside(String name) {
        try {
            Path self = Path.of("/proc/self/ns/net");
            Path named = Path.of("/run/netns", name);
            if (!Files.exists(named)) return false;
            return Files.getAttribute(self, "unix:ino").equals(Files.getAttribute(named, "unix:ino"))
                    && Files.getAttribute(self, "unix:dev").equals(Files.getAttribute(named, "unix:dev"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Throws unless this process runs inside the namespace {@code name}. */
    public static void requireInside(String name) {
        if (!inside(name)) {
            throw new LabException("refusing to send anything to the lab from outside its control namespace " + name
                    + " (the host has no route to the lab, so it would leave through the default gateway); run it through raftlab lab");
        }
    }
}
