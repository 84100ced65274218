package raftlab.harness.lab.ssh;

/** The end of a test on a real ssh lab: the lab is torn down, and a teardown problem never hides the failure that came first. */
final class SshLabTeardown {
    private SshLabTeardown() {}

    /** Tears {@code lab} down; a teardown error is thrown when the test passed, else added to {@code failure}. */
    static void after(SshLab lab, Throwable failure) {
        try {
            lab.teardown();
        } catch (RuntimeException e) {
            if (failure == null) throw e;
            failure.addSuppressed(e);
        }
    }
}
