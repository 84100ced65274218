package raftlab.harness.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The header that carries a lab's client token, as raft-node's client API asks for it when started
 * with {@code --client-token-file}: {@code Authorization: Bearer TOKEN}. The token goes on the wire
 * only; nothing here logs it.
 */
public final class ClientAuthorization {
    private ClientAuthorization() {}

    /** {@code headers} plus the token's header; {@code headers} alone when {@code token} is null (a node that asks for none). */
    public static Map<String, String> with(Map<String, String> headers, String token) {
        if (token == null) return headers;
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Authorization", "Bearer " + token);
        return all;
    }
}
