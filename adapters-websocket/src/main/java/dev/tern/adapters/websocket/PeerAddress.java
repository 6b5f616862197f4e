package dev.tern.adapters.websocket;

import java.net.Inet6Address;
import java.net.InetSocketAddress;

/**
 * How a WebSocket client is named in logs: {@code host:port} of the socket peer or, behind a
 * trusted proxy, the client the proxy names in {@code X-Forwarded-For}, followed by the proxy.
 *
 * <p>Threading: stateless.
 */
final class PeerAddress {

    private PeerAddress() {
    }

    /**
     * @param forwardedFor the {@code X-Forwarded-For} header, or null
     * @param trustForwardedFor whether the header may be believed
     */
    static String describe(InetSocketAddress peer, String forwardedFor, boolean trustForwardedFor) {
        String socketPeer = describe(peer);
        if (!trustForwardedFor || forwardedFor == null || forwardedFor.isBlank()) {
            return socketPeer;
        }
        // The first entry is the original client; later ones are the proxies it passed through.
        String client = forwardedFor.split(",", 2)[0].strip();
        return client.isEmpty() ? socketPeer : client + " via " + socketPeer;
    }

    private static String describe(InetSocketAddress address) {
        if (address == null) {
            return "unknown";
        }
        String host = address.getHostString();
        if (address.getAddress() instanceof Inet6Address) {
            host = "[" + host + "]";
        }
        return host + ":" + address.getPort();
    }
}
