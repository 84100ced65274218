package raftlab.node.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The optional client token: {@code Authorization: Bearer TOKEN}, compared in constant time. */
final class ClientToken {
    private ClientToken() {}

    static void check(HttpRequest request, String token) throws KvRequests.Refused {
        if (token == null) return;
        String given = request.header("Authorization");
        String expected = "Bearer " + token;
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            throw new KvRequests.Refused(401, "this node needs a client token; send 'Authorization: Bearer TOKEN' with the token of its --client-token-file"
                    + " (raft-node kv, status and admin: --client-token-file FILE)");
        }
    }
}
