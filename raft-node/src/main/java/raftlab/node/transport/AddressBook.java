package raftlab.node.transport;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The addresses of every node this node knows: those it was started with and those named by
 * {@code admin add} (configured), and those that introduced themselves in an authenticated handshake
 * (learned). A learned address never replaces a configured one: the handshake proves that a peer
 * knows the secret, not that the address it announces is its own.
 */
public final class AddressBook {
    private final Map<String, PeerAddress> addresses = new TreeMap<>();
    private final Set<String> configured = new TreeSet<>();

    public AddressBook(List<PeerAddress> initial) {
        for (PeerAddress address : initial) put(address);
    }

    public synchronized PeerAddress get(String id) { return addresses.get(id); }

    /** A configured address: from the command line or {@code admin add}. */
    public synchronized void put(PeerAddress address) {
        addresses.put(address.id(), address);
        configured.add(address.id());
    }

    /** An address a peer announced; kept only for a node with no configured address. Returns whether it changed anything. */
    public synchronized boolean learn(PeerAddress address) {
        if (configured.contains(address.id()) || address.equals(addresses.get(address.id()))) return false;
        addresses.put(address.id(), address);
        return true;
    }

    /** Sorted by id. */
    public synchronized List<PeerAddress> all() { return List.copyOf(addresses.values()); }
}
