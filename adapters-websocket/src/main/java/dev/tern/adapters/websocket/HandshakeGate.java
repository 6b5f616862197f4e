package dev.tern.adapters.websocket;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses, with a plain-text HTTP answer, every request that must not become an MQTT WebSocket:
 * another path (404), not a WebSocket upgrade (400), a browser origin not allowed (403), or no MQTT
 * subprotocol offered (400). What passes goes to the handshake handler, which echoes the
 * subprotocol [MQTT-6.0.0-3] [MQTT-6.0.0-4].
 *
 * <p>Undertow's own handshake would upgrade a request without any subprotocol; MQTT needs one, so
 * the check happens here, before the upgrade.
 *
 * <p>Threading: stateless after construction; Undertow calls it on I/O threads.
 */
final class HandshakeGate implements HttpHandler {

    /** The subprotocols MQTT clients offer: {@code mqtt}, and {@code mqttv3.1} from 3.1-era clients. */
    static final Set<String> SUBPROTOCOLS = Set.of("mqtt", "mqttv3.1");

    private final String path;
    private final List<String> allowedOrigins;
    private final HttpHandler handshake;

    HandshakeGate(String path, List<String> allowedOrigins, HttpHandler handshake) {
        this.path = path;
        this.allowedOrigins = List.copyOf(allowedOrigins);
        this.handshake = handshake;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!exchange.getRequestPath().equals(path)) {
            refuse(exchange, StatusCodes.NOT_FOUND, "MQTT over WebSocket is served at " + path);
        } else if (!isUpgrade(exchange)) {
            refuse(exchange, StatusCodes.BAD_REQUEST, "expected a WebSocket upgrade (GET with Upgrade: websocket)");
        } else if (!originAllowed(exchange.getRequestHeaders().getFirst(Headers.ORIGIN))) {
            refuse(exchange, StatusCodes.FORBIDDEN, "origin not allowed");
        } else if (!offersMqtt(exchange.getRequestHeaders().get(Headers.SEC_WEB_SOCKET_PROTOCOL))) {
            refuse(exchange, StatusCodes.BAD_REQUEST, "offer the WebSocket subprotocol mqtt");
        } else {
            handshake.handleRequest(exchange);
        }
    }

    private static boolean isUpgrade(HttpServerExchange exchange) {
        String upgrade = exchange.getRequestHeaders().getFirst(Headers.UPGRADE);
        return exchange.getRequestMethod().equals(Methods.GET)
                && upgrade != null && upgrade.toLowerCase(Locale.ROOT).contains("websocket");
    }

    /**
     * A request without {@code Origin} passes: browsers always send one, and the list exists to keep
     * other sites' pages out, not to authenticate non-browser clients, which could send anything.
     */
    private boolean originAllowed(String origin) {
        return allowedOrigins.isEmpty() || origin == null || allowedOrigins.contains(origin);
    }

    private static boolean offersMqtt(Iterable<String> headerValues) {
        if (headerValues == null) {
            return false;
        }
        for (String value : headerValues) {
            if (Arrays.stream(value.split(",")).map(String::strip).anyMatch(SUBPROTOCOLS::contains)) {
                return true;
            }
        }
        return false;
    }

    private static void refuse(HttpServerExchange exchange, int status, String reason) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send(reason + "\n", StandardCharsets.UTF_8);
    }
}
