package raftlab.node.transport;

/** Where a node listens: {@code peerPort} for other nodes, {@code clientPort} for the HTTP client API. */
public record PeerAddress(String id, String host, int peerPort, int clientPort) {
    /** Parses {@code n1=10.0.0.11:7001:8001}; throws IllegalArgumentException with a sentence naming the problem. */
    public static PeerAddress parse(String text) {
        int eq = text.indexOf('=');
        String[] parts = eq < 0 ? new String[0] : text.substring(eq + 1).split(":");
        if (eq <= 0 || parts.length != 3) {
            throw new IllegalArgumentException("the peer '" + text + "' is not of the form id=host:peerPort:clientPort, such as n1=10.0.0.11:7001:8001");
        }
        try {
            return new PeerAddress(text.substring(0, eq), parts[0], port(parts[1]), port(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the peer '" + text + "' has a port that is not a number from 1 to 65535");
        }
    }

    private static int port(String text) {
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) throw new NumberFormatException(text);
        return port;
    }

    /** The inverse of {@link #parse}. */
    public String format() { return id + "=" + host + ":" + peerPort + ":" + clientPort; }

    public String clientUrl() { return "http://" + host + ":" + clientPort; }
}
