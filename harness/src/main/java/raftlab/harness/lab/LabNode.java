package raftlab.harness.lab;

import java.net.URI;

/**
 * One node of a lab as the harness sees it.
 *
 * @param id         the Raft id, such as {@code n1}
 * @param host       the address other nodes and the harness use to reach it (inside the lab)
 * @param peerPort   the Raft transport port
 * @param clientPort the HTTP client API port
 */
public record LabNode(String id, String host, int peerPort, int clientPort) {
    /** The base of the client API, such as {@code http://10.77.0.1:7001}. */
    public URI clientUri() { return URI.create("http://" + host + ":" + clientPort); }

    /** This node's entry in raft-node's {@code --peers} list: {@code id=host:peerPort:clientPort}. */
    public String peerSpec() { return id + "=" + host + ":" + peerPort + ":" + clientPort; }
}
