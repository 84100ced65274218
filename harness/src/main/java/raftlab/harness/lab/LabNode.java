package raftlab.harness.lab;

import java.net.URI;

/**
 * One node of a lab as the harness sees it: where to reach it, and the token its client API asks for.
 *
 * @param id          the Raft id, such as {@code n1}
 * @param host        the address other nodes and the harness use to reach it (inside the lab)
 * @param peerPort    the Raft transport port
 * @param clientPort  the HTTP client API port
 * @param clientToken the token the node was started with ({@code --client-token-file}), sent as
 *                    {@code Authorization: Bearer}; null when the node asks for none
 */
public record LabNode(String id, String host, int peerPort, int clientPort, String clientToken) {
    /** A node whose client API asks for no token (the stand-in node, tests). */
    public LabNode(String id, String host, int peerPort, int clientPort) { this(id, host, peerPort, clientPort, null); }

    /** The same node, reached with {@code token}. */
    public LabNode withClientToken(String token) { return new LabNode(id, host, peerPort, clientPort, token); }

    /** The base of the client API, such as {@code http://10.77.0.1:7001}. */
    public URI clientUri() { return URI.create("http://" + host + ":" + clientPort); }

    /** This node's entry in raft-node's {@code --peers} list: {@code id=host:peerPort:clientPort}. */
    public String peerSpec() { return id + "=" + host + ":" + peerPort + ":" + clientPort; }

    /** Without the token: nodes are logged (raftlab.log is part of a run's store), and a token must never be. */
    @Override public String toString() {
        return "LabNode[id=" + id + ", host=" + host + ", peerPort=" + peerPort + ", clientPort=" + clientPort
                + (clientToken == null ? "" : ", clientToken=(set)") + "]";
    }
}
