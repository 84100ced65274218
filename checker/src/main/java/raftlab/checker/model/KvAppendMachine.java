package raftlab.checker.model;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link KvAppendModel} compiled for one key. A state is a node of a trie: a parent state plus an
 * appended piece, so an append is a map lookup rather than a copy of a growing string. Each node
 * carries its length and a polynomial hash; a get compares those first and spells the string out
 * only when they agree.
 *
 * <p>A node that is a prefix of no get's value is marked unread: no get can return it or anything
 * appended to it, so all such nodes have the same futures (gets fail, appends keep them unread, a
 * put replaces them), and {@link #canonical} files them under one state in the search's cache.
 * Without that, the appends a put is about to overwrite are tried in every order, each order a
 * different string: on Porcupine's c50-bad one key took 9.5 million configurations, with it 3,000.
 */
final class KvAppendMachine implements Machine {
    private static final long BASE = 0x100000001B3L;
    private static final byte GET = 0;
    private static final byte PUT = 1;
    private static final byte APPEND = 2;
    private static final byte NEVER = 3;

    private final byte[] kind;
    private final String[] piece;
    private final long[] pieceHash;
    private final long[] piecePower;
    private final int pieceCount;
    private final long[][] prefixHashes;
    private final GetPrefixes readable;
    // nodes, as parallel arrays: parent, the call whose piece was appended (-1 for the root), length, hash
    private int[] parent = new int[256];
    private int[] pieceOf = new int[256];
    private int[] length = new int[256];
    private long[] hash = new long[256];
    private boolean[] unread = new boolean[256];
    private int nodeCount;
    private final LongIntMap children = new LongIntMap();

    KvAppendMachine(Call[] calls) {
        pieceCount = calls.length;
        kind = new byte[calls.length];
        piece = new String[calls.length];
        pieceHash = new long[calls.length];
        prefixHashes = new long[calls.length][];
        piecePower = new long[calls.length];
        for (int i = 0; i < calls.length; i++) {
            Object v = calls[i].value();
            String s = v == null ? "" : v.toString();
            piece[i] = s;
            kind[i] = switch (calls[i].f()) {
                case "get" -> GET;
                case "put" -> PUT;
                case "append" -> APPEND;
                default -> NEVER;
            };
            long h = 0;
            long p = 1;
            for (int k = 0; k < s.length(); k++) {
                h = h * BASE + s.charAt(k);
                p *= BASE;
            }
            pieceHash[i] = h;
            piecePower[i] = p;
        }
        List<String> gets = new ArrayList<>();
        for (int i = 0; i < calls.length; i++) if (kind[i] == GET) gets.add(piece[i]);
        readable = new GetPrefixes(gets, BASE);
        parent[0] = -1;
        pieceOf[0] = -1;
        nodeCount = 1;
    }

    @Override public long initial() { return 0; }

    @Override public long step(long state, int call) {
        return switch (kind[call]) {
            case GET -> equalsPiece((int) state, call) ? state : ILLEGAL;
            case PUT -> child(0, call);
            case APPEND -> piece[call].isEmpty() ? state : child((int) state, call);
            default -> ILLEGAL;
        };
    }

    private int child(int from, int call) {
        long key = (long) from * (pieceCount + 1) + call;
        int known = children.get(key);
        if (known >= 0) return known;
        if (nodeCount == parent.length) {
            int size = nodeCount * 2;
            parent = java.util.Arrays.copyOf(parent, size);
            pieceOf = java.util.Arrays.copyOf(pieceOf, size);
            length = java.util.Arrays.copyOf(length, size);
            hash = java.util.Arrays.copyOf(hash, size);
            unread = java.util.Arrays.copyOf(unread, size);
        }
        int id = nodeCount++;
        parent[id] = from;
        pieceOf[id] = call;
        length[id] = length[from] + piece[call].length();
        hash[id] = hash[from] * piecePower[call] + pieceHash[call];
        unread[id] = unread[from] || !readable.mayBePrefix(length[id], hash[id]);
        children.put(key, id);
        return id;
    }

    private boolean equalsPiece(int node, int call) {
        return length[node] == piece[call].length() && hash[node] == pieceHash[call] && spell(node).equals(piece[call]);
    }

    private String spell(int node) {
        List<String> parts = new ArrayList<>();
        for (int n = node; n > 0; n = parent[n]) parts.add(piece[pieceOf[n]]);
        StringBuilder out = new StringBuilder();
        for (int i = parts.size() - 1; i >= 0; i--) out.append(parts.get(i));
        return out.toString();
    }

    /** Every unread node as one; -1 is no node's number. */
    @Override public long canonical(long state) { return unread[(int) state] ? -1 : state; }

    @Override public boolean readOnly(int call) { return kind[call] == GET; }

    @Override public boolean observes(int call) { return kind[call] == GET; }

    @Override public boolean resets(int call) { return kind[call] == PUT; }

    @Override public boolean earliestCompletionFirst() { return false; }

    @Override public boolean canStillFit(long state, int call) {
        if (kind[call] != GET) return true;
        int n = length[(int) state];
        String x = piece[call];
        if (n > x.length()) return false;
        long[] prefixes = prefixHashes[call];
        if (prefixes == null) {
            prefixes = new long[x.length() + 1];
            for (int k = 0; k < x.length(); k++) prefixes[k + 1] = prefixes[k] * BASE + x.charAt(k);
            prefixHashes[call] = prefixes;
        }
        return prefixes[n] == hash[(int) state]; // unequal hashes prove the state is no prefix of x
    }

    @Override public Object decode(long state) { return spell((int) state); }
}
