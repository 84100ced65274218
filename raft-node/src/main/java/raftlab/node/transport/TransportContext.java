package raftlab.node.transport;

import java.util.function.Consumer;

/**
 * What both directions of a peer connection need to know. {@code peerUp} is told the id of a peer
 * that just proved itself on an accepted connection: it is running, so our dialer to it should stop
 * backing off and dial now. {@code crash} is told when one of the transport's threads dies of
 * something unexpected (null: the JVM's default handler).
 */
record TransportContext(String selfId, String clusterId, byte[] secret, AddressBook addresses,
                        PeerTransport.Receiver receiver, Consumer<String> log, Consumer<String> peerUp,
                        Thread.UncaughtExceptionHandler crash) {
    Thread thread(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        if (crash != null) thread.setUncaughtExceptionHandler(crash);
        return thread;
    }
}
