package raftlab.node.transport;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The addresses of every node this node knows: those it was started with, those named by
 * {@code admin add}, and those that introduced themselves in an authenticated handshake.
 */
public final class AddressBook {
    private final Map<String, PeerAddress> addresses = new TreeMap<>();

    public AddressBook(List<PeerAddress> initial) {
        for (PeerAddress address : initial) addresses.put(address.id(), address);
    }

    public synchronized PeerAddress get(String id) { return addresses.get(id); }

    public synchronized void put(PeerAddress address) { addresses.put(address.id(), address); }

    /** Sorted by id. */
    public synchronized List<PeerAddress> all() { return List.copyOf(addresses.values()); }
}
