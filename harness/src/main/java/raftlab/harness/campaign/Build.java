package raftlab.harness.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The commit raftlab was built from, as the build wrote it into the jar; {@code unknown} for a build outside git. */
public final class Build {
    private Build() {}

    private static final String COMMIT = read();

    /** The commit id, with {@code -dirty} when the tree had uncommitted changes. */
    public static String commit() { return COMMIT; }

    private static String read() {
        try (InputStream in = Build.class.getResourceAsStream("/raftlab-build.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            String id = p.getProperty("git.commit.id", "").strip();
            if (id.isEmpty()) return "unknown";
            return id + ("true".equals(p.getProperty("git.dirty")) ? "-dirty" : "");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
