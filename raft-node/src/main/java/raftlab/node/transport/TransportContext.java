package raftlab.node.transport;

import java.util.function.Consumer;

/** What both directions of a peer connection need to know. */
record TransportContext(String selfId, String clusterId, byte[] secret, AddressBook addresses,
                        PeerTransport.Receiver receiver, Consumer<String> log) {}
