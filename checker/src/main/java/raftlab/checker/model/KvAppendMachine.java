package raftlab.checker.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link KvAppendModel} compiled for one key. A state is a node of a trie: a parent state plus an
 * appended piece, so an append is a map lookup rather than a copy of a growing string. Each node
 * carries its length and a polynomial hash; a get compares those first and spells the string out
 * only when they agree.
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
    // nodes: parent, the call whose piece was appended (-1 for the root), length and hash
    private final List<int[]> nodes = new ArrayList<>();
    private final List<long[]> nodeHash = new ArrayList<>();
    private final Map<Long, Integer> children = new HashMap<>();

    KvAppendMachine(Call[] calls) {
        pieceCount = calls.length;
        kind = new byte[calls.length];
        piece = new String[calls.length];
        pieceHash = new long[calls.length];
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
        nodes.add(new int[] {-1, -1, 0});
        nodeHash.add(new long[] {0});
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

    private int child(int parent, int call) {
        if (piece[call].isEmpty()) return parent;
        long key = (long) parent * (pieceCount + 1) + call;
        Integer known = children.get(key);
        if (known != null) return known;
        int[] p = nodes.get(parent);
        int id = nodes.size();
        nodes.add(new int[] {parent, call, p[2] + piece[call].length()});
        nodeHash.add(new long[] {nodeHash.get(parent)[0] * piecePower[call] + pieceHash[call]});
        children.put(key, id);
        return id;
    }

    private boolean equalsPiece(int node, int call) {
        return nodes.get(node)[2] == piece[call].length() && nodeHash.get(node)[0] == pieceHash[call]
                && spell(node).equals(piece[call]);
    }

    private String spell(int node) {
        StringBuilder reversed = new StringBuilder();
        List<String> parts = new ArrayList<>();
        for (int n = node; n > 0; n = nodes.get(n)[0]) parts.add(piece[nodes.get(n)[1]]);
        for (int i = parts.size() - 1; i >= 0; i--) reversed.append(parts.get(i));
        return reversed.toString();
    }

    @Override public boolean readOnly(int call) { return kind[call] == GET; }

    @Override public Object decode(long state) { return spell((int) state); }
}
