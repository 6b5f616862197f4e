package dev.tern.bootstrap.security;

import java.util.HashMap;
import java.util.Map;

/**
 * Parsing of the SCRAM client messages (RFC 5802 section 7): comma-separated {@code k=value}
 * attributes, user names with {@code =2C} and {@code =3D} escapes.
 *
 * <p>Threading: stateless.
 */
final class ScramMessages {

    /** client-first-message: GS2 header ("n,," or "y,,") and the bare part the signatures cover. */
    record ClientFirst(String gs2Header, String bare, String username, String nonce) {
    }

    /** client-final-message: channel binding, nonce, proof, and the part without the proof. */
    record ClientFinal(String channelBinding, String nonce, String proof, String withoutProof) {
    }

    private ScramMessages() {
    }

    /** @throws IllegalArgumentException when the message is not a client-first-message we support */
    static ClientFirst clientFirst(String message) {
        if (message.startsWith("p=")) {
            throw new IllegalArgumentException("channel binding is not supported");
        }
        if (!message.startsWith("n,") && !message.startsWith("y,")) {
            throw new IllegalArgumentException("missing GS2 header");
        }
        int second = message.indexOf(',', 2);
        if (second < 0) {
            throw new IllegalArgumentException("missing GS2 header");
        }
        if (second != 2) {
            throw new IllegalArgumentException("authorization identities are not supported");
        }
        String gs2Header = message.substring(0, second + 1);
        String bare = message.substring(second + 1);
        Map<String, String> attributes = attributes(bare);
        String username = attributes.get("n");
        String nonce = attributes.get("r");
        if (username == null || nonce == null || nonce.isEmpty() || attributes.containsKey("m")) {
            throw new IllegalArgumentException("client-first-message needs n= and r=");
        }
        return new ClientFirst(gs2Header, bare, unescape(username), nonce);
    }

    /** @throws IllegalArgumentException when the message is not a client-final-message */
    static ClientFinal clientFinal(String message) {
        int proofAt = message.lastIndexOf(",p=");
        if (proofAt < 0) {
            throw new IllegalArgumentException("client-final-message needs p=");
        }
        Map<String, String> attributes = attributes(message);
        String binding = attributes.get("c");
        String nonce = attributes.get("r");
        if (binding == null || nonce == null) {
            throw new IllegalArgumentException("client-final-message needs c= and r=");
        }
        return new ClientFinal(binding, nonce, attributes.get("p"), message.substring(0, proofAt));
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> attributes = new HashMap<>();
        for (String part : text.split(",", -1)) {
            if (part.length() < 2 || part.charAt(1) != '=') {
                throw new IllegalArgumentException("malformed attribute");
            }
            attributes.putIfAbsent(part.substring(0, 1), part.substring(2));
        }
        return attributes;
    }

    private static String unescape(String username) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < username.length(); i++) {
            char c = username.charAt(i);
            if (c != '=') {
                out.append(c);
            } else if (username.startsWith("=2C", i)) {
                out.append(',');
                i += 2;
            } else if (username.startsWith("=3D", i)) {
                out.append('=');
                i += 2;
            } else {
                throw new IllegalArgumentException("bad escape in user name");
            }
        }
        return out.toString();
    }
}
