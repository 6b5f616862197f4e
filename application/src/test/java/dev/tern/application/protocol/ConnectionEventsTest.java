package dev.tern.application.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tern.application.event.EventReasons;
import dev.tern.application.port.out.BrokerEvent;
import dev.tern.application.port.out.BrokerEvent.ClientConnected;
import dev.tern.application.port.out.BrokerEvent.ClientDisconnected;
import dev.tern.application.protocol.packet.Connect;
import dev.tern.application.protocol.packet.Disconnect;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.testing.EngineHarness;
import dev.tern.domain.session.SessionExpiry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The events a connection reports: connected once CONNACK is sent, and disconnected with why. */
class ConnectionEventsTest {

    private final EngineHarness broker = new EngineHarness();

    private String disconnectReasonOf(String clientId) {
        return broker.events.of(ClientDisconnected.class).stream()
                .filter(e -> e.clientId().equals(clientId))
                .map(ClientDisconnected::reason)
                .reduce((first, second) -> first + " AND " + second)
                .orElse(null);
    }

    @Test
    void reportsAConnectedClientWithItsUsernameAddressVersionAndTime() {
        broker.client(ProtocolVersion.MQTT_5).send(new Connect(ProtocolVersion.MQTT_5, true, 0, "a", null, "alice",
                "pw".getBytes(), Properties.EMPTY));

        assertThat(broker.events.all()).containsExactly(new ClientConnected(
                Instant.ofEpochMilli(broker.clock.millis()), "a", "alice", "test:1", 5, false, 0, true, 0));
    }

    @Test
    void reportsKeepAliveCleanStartAndSessionExpiry() {
        broker.client().connect("a", false, 30);

        assertThat(broker.events.of(ClientConnected.class))
                .extracting(ClientConnected::keepAliveSeconds, ClientConnected::cleanStart,
                        ClientConnected::sessionExpirySeconds)
                .containsExactly(tuple(30, false, SessionExpiry.NEVER_SECONDS));
    }

    @Test
    void reportsTheDisconnectedClientsUsernameAddressAndVersion() {
        broker.client(ProtocolVersion.MQTT_5).send(new Connect(ProtocolVersion.MQTT_5, true, 0, "a", null, "alice",
                "pw".getBytes(), Properties.EMPTY)).send(Disconnect.NORMAL);

        assertThat(broker.events.of(ClientDisconnected.class)).containsExactly(new ClientDisconnected(
                Instant.ofEpochMilli(broker.clock.millis()), "a", EventReasons.CLIENT_DISCONNECTED, "alice", "test:1",
                5));
    }

    @Test
    void reportsTheSessionPresentWhenAClientResumesItsSession() {
        broker.client().connect("a", false, 0).send(Disconnect.NORMAL);
        broker.client().connect("a", false, 0);

        assertThat(broker.events.of(ClientConnected.class))
                .extracting(ClientConnected::sessionPresent, ClientConnected::protocolVersion, ClientConnected::username)
                .containsExactly(tuple(false, 4, null),
                        tuple(true, 4, null));
    }

    @Test
    void reportsAClientDisconnectOnceAfterItsConnect() {
        broker.client().connect("a", true, 0).send(Disconnect.NORMAL);

        assertThat(broker.events.all()).hasSize(2).last().isInstanceOf(ClientDisconnected.class);
        assertThat(disconnectReasonOf("a")).isEqualTo(EventReasons.CLIENT_DISCONNECTED);
    }

    @Test
    void tellsADisconnectAskingForTheWillApart() {
        broker.client(ProtocolVersion.MQTT_5).connect("a", true, 0)
                .send(new Disconnect(ReasonCode.DISCONNECT_WITH_WILL, Properties.EMPTY));

        assertThat(disconnectReasonOf("a")).isEqualTo(EventReasons.CLIENT_DISCONNECTED_WITH_WILL);
    }

    @Test
    void reportsANetworkCloseWhenTheSocketGoesWithoutDisconnect() {
        broker.client().connect("a", true, 0).drop();

        assertThat(disconnectReasonOf("a")).isEqualTo(EventReasons.NETWORK_CLOSED);
    }

    @Test
    void reportsAKeepAliveTimeout() {
        broker.client().connect("a", true, 10);

        broker.loop.advance(15_000);

        assertThat(disconnectReasonOf("a")).isEqualTo(EventReasons.KEEP_ALIVE_TIMEOUT);
    }

    @Test
    void reportsTheOldConnectionTakenOverBeforeTheNewOneConnects() {
        broker.client().connect("a", false, 0);
        broker.events.clear();

        broker.client().connect("a", false, 0);

        assertThat(broker.events.all()).extracting(BrokerEvent::getClass)
                .containsExactly(ClientDisconnected.class, ClientConnected.class);
        assertThat(disconnectReasonOf("a")).isEqualTo(EventReasons.TAKEN_OVER);
    }

    @Test
    void reportsAProtocolErrorWithWhatWasWrong() {
        broker.client().connect("a", true, 0).connect("a", true, 0);

        assertThat(disconnectReasonOf("a")).isEqualTo(EventReasons.PROTOCOL_ERROR + "second CONNECT [MQTT-3.1.0-2]");
    }

    @Test
    void reportsEveryConnectedClientDisconnectedWhenTheServerShutsDown() {
        broker.client().connect("a", true, 0);
        broker.client(ProtocolVersion.MQTT_5).connect("b", true, 0);

        broker.shutdown();

        assertThat(disconnectReasonOf("a")).isEqualTo(EventReasons.SERVER_SHUTTING_DOWN);
        assertThat(disconnectReasonOf("b")).isEqualTo(EventReasons.SERVER_SHUTTING_DOWN);
    }

    @Test
    void reportsNothingForAConnectionThatNeverConnected() {
        EngineHarness.Client client = broker.client();
        client.drop();
        broker.client().connect("", false, 0); // refused: a 3.1.1 empty id needs a clean session

        assertThat(broker.events.all()).isEmpty();
    }
}
