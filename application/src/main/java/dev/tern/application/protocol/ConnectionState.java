package dev.tern.application.protocol;

import dev.tern.application.port.out.AuthExchange;
import dev.tern.application.protocol.handler.ConnectDecision;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.session.ClientSession;
import java.util.ArrayList;
import java.util.List;

/** Where one connection is in its life (3.1, 4.1, 4.12). */
sealed interface ConnectionState {

    /** Nothing but CONNECT is allowed [MQTT-3.1.0-1]. */
    record AwaitingConnect() implements ConnectionState {
    }

    /** CONNECT named an Authentication Method; AUTH packets go back and forth until it settles (4.12). */
    record Authenticating(ConnectDecision.Accept accept, String method, AuthExchange exchange, String username)
            implements ConnectionState {
    }

    /** CONNECT accepted, session being attached; packets the client pipelined wait here, in order. */
    record Attaching(List<MqttPacket> pipelined) implements ConnectionState {
        Attaching() {
            this(new ArrayList<>());
        }
    }

    /** Attached to its session; packets are handled on the session's executor. */
    record Connected(ClientSession session) implements ConnectionState {
    }

    /** Closed, or closing; nothing more is read. {@code graceful} is true after DISCONNECT. */
    record Closed(boolean graceful) implements ConnectionState {
    }
}
