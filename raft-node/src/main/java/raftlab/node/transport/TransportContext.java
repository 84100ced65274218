package raftlab.node.transport;

import java.util.function.Consumer;

/**
 * What both directions of a peer connection need to know. {@code peerUp} is told the id of a peer
 * that just proved itself on an accepted connection: it is running, so our dialer to it should stop
 * backing off and dial now.
 */
record TransportContext(String selfId, String clusterId, byte[] secret, AddressBook addresses,
                        PeerTransport.Receiver receiver, Consumer<String> log, Consumer<String> peerUp) {}
