package raftlab.node.transport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cryptography of the peer handshake. Both sides prove knowledge of the cluster secret with an
 * HMAC-SHA256 over both fresh nonces, the cluster id and both node ids (so a proof cannot be replayed
 * on another connection or for another node), and derive a session key that authenticates every
 * later frame with a sequence number (so nothing can be injected or replayed into the stream).
 */
final class Handshake {
    static final int NONCE_BYTES = 16;
    static final int FRAME_MAC_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Handshake() {}

    static byte[] nonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    static byte[] proof(byte[] secret, String role, String clusterId, String prover, String verifier, byte[] nonceA, byte[] nonceB) {
        Mac mac = mac(secret);
        update(mac, role);
        update(mac, clusterId);
        update(mac, prover);
        update(mac, verifier);
        mac.update(nonceA);
        mac.update(nonceB);
        return mac.doFinal();
    }

    static byte[] sessionKey(byte[] secret, byte[] dialerNonce, byte[] acceptorNonce) {
        Mac mac = mac(secret);
        update(mac, "session");
        mac.update(dialerNonce);
        mac.update(acceptorNonce);
        return mac.doFinal();
    }

    static boolean equal(byte[] a, byte[] b) { return MessageDigest.isEqual(a, b); }

    static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this Java runtime", e);
        }
    }

    /** The MAC of one message frame: sequence number then payload, truncated. */
    static byte[] frameMac(Mac session, long sequence, byte[] payload, int offset, int length) {
        session.update(ByteBuffer.allocate(8).putLong(0, sequence).array());
        session.update(payload, offset, length);
        byte[] full = session.doFinal();
        byte[] mac = new byte[FRAME_MAC_BYTES];
        System.arraycopy(full, 0, mac, 0, FRAME_MAC_BYTES);
        return mac;
    }

    private static void update(Mac mac, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        mac.update(ByteBuffer.allocate(4).putInt(0, bytes.length).array());
        mac.update(bytes);
    }
}
