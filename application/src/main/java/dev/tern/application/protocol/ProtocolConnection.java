package dev.tern.application.protocol;

import dev.tern.application.port.in.InboundConnection;
import dev.tern.application.port.out.ClientChannel;
import dev.tern.application.port.out.TaskExecutor.Cancellable;
import dev.tern.application.protocol.codec.DecodeResult;
import dev.tern.application.protocol.codec.PacketReader;
import dev.tern.application.protocol.handler.ConnectDecision;
import dev.tern.application.protocol.packet.Connack;
import dev.tern.application.protocol.packet.Connect;
import dev.tern.application.protocol.packet.Disconnect;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.session.ClientSession;
import dev.tern.application.session.SessionConnection;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine for one network connection: framing and decoding, CONNECT first and once, keep
 * alive, dispatch of each packet to its flow, and the decision to disconnect. The only class that
 * closes a connection for a protocol reason.
 *
 * <p>Threading: confined to {@code channel.executor()}. Packets of an attached session run as
 * tasks of the session's executor, which is this same thread while attached, inline when nothing
 * is queued ahead of them.
 */
final class ProtocolConnection implements InboundConnection, SessionConnection {

    private static final Logger LOG = LoggerFactory.getLogger(ProtocolConnection.class);
    /** Packets a client may pipeline after CONNECT before its CONNACK; more is abuse. */
    private static final int MAX_PIPELINED = 1024;

    private final ClientChannel channel;
    private final ConnectionDependencies deps;
    private final PacketReader reader;
    private final PacketDispatcher dispatcher;
    private final OutboundWriter writer;
    private final KeepAliveTimer keepAlive;
    private final Consumer<DecodeResult> decodedSink = this::onDecoded;
    private ConnectionState state = new ConnectionState.AwaitingConnect();
    private ProtocolVersion version = ProtocolVersion.MQTT_3_1_1;
    private String clientId = "";
    private String assignedClientId;
    /** Set once attached, kept after close so that {@link #onClosed} can detach the session. */
    private ClientSession attachedSession;
    private Cancellable connectTimer;
    private int keepAliveSeconds;

    ProtocolConnection(ClientChannel channel, ConnectionDependencies deps) {
        this.channel = channel;
        this.deps = deps;
        this.reader = new PacketReader(deps.settings().maxPacketSize());
        this.dispatcher = new PacketDispatcher(this, deps);
        this.writer = new OutboundWriter(channel);
        this.keepAlive = new KeepAliveTimer(channel.executor(), deps.clock(), this::keepAliveExpired);
    }

    /** Arms the CONNECT timeout: a socket that sends no CONNECT in time is closed. */
    void start() {
        connectTimer = channel.executor().schedule(this::connectTimedOut, deps.settings().connectTimeoutMillis());
    }

    @Override
    public void onBytes(ByteBuffer bytes) {
        if (state instanceof ConnectionState.Closed) {
            return;
        }
        keepAlive.received();
        reader.feed(bytes, decodedSink);
    }

    private void onDecoded(DecodeResult result) {
        if (state instanceof ConnectionState.Closed) {
            return;
        }
        if (result instanceof DecodeResult.Decoded decoded) {
            onPacket(decoded.packet());
        } else {
            onDecodeError((DecodeResult.DecodeError) result);
        }
    }

    private void onPacket(MqttPacket packet) {
        if (state instanceof ConnectionState.Connected connected) {
            ClientSession session = connected.session();
            session.executor().runOrExecute(() -> dispatcher.dispatch(session, packet));
        } else if (state instanceof ConnectionState.AwaitingConnect) {
            if (packet instanceof Connect connect) {
                onConnect(connect);
            } else {
                closeForViolation("first packet was " + packet.type() + ", not CONNECT [MQTT-3.1.0-1]");
            }
        } else if (state instanceof ConnectionState.Attaching attaching) {
            if (attaching.pipelined().size() >= MAX_PIPELINED) {
                closeForViolation("too many packets before CONNACK");
            } else {
                attaching.pipelined().add(packet);
            }
        }
    }

    private void onDecodeError(DecodeResult.DecodeError error) {
        if (state instanceof ConnectionState.AwaitingConnect
                && error.reasonCode() == ReasonCode.UNSUPPORTED_PROTOCOL_VERSION) {
            // [MQTT-3.1.2-2]: CONNACK 0x01, then close. Sent in 3.1.1 form: the version is unknown.
            LOG.info("{}: refused CONNECT: {}", channel.remoteAddress(), error.reason());
            sendAndClose(new Connack(false, ReasonCode.V3_UNACCEPTABLE_PROTOCOL_VERSION, Properties.EMPTY));
            return;
        }
        closeForError(error.reasonCode(), "malformed input: " + error.reason());
    }

    private void onConnect(Connect connect) {
        version = connect.version();
        reader.setVersion(version);
        connectTimer.cancel();
        ConnectDecision decision = deps.connectHandler().decide(connect);
        if (decision instanceof ConnectDecision.Reject reject) {
            LOG.info("{}: refused CONNECT of '{}': {}", channel.remoteAddress(), connect.clientId(), reject.reason());
            sendAndClose(new Connack(false, reject.reasonCode(), Properties.EMPTY));
            return;
        }
        ConnectDecision.Accept accept = (ConnectDecision.Accept) decision;
        clientId = accept.request().clientId();
        keepAliveSeconds = accept.keepAliveSeconds();
        assignedClientId = accept.assignedClientId();
        state = new ConnectionState.Attaching();
        deps.connectService().connect(accept.request(), this, channel.executor());
    }

    @Override
    public void attached(ClientSession session, boolean sessionPresent) {
        if (state instanceof ConnectionState.Closed) {
            // The socket closed while the session was being attached: let the session go again.
            deps.connectService().disconnected(session, this, false);
            return;
        }
        ConnectionState.Attaching attaching = (ConnectionState.Attaching) state;
        attachedSession = session;
        state = new ConnectionState.Connected(session);
        send(new Connack(sessionPresent, ReasonCode.SUCCESS, connackProperties()));
        LOG.debug("{}: connected from {}, session present {}", clientId, channel.remoteAddress(), sessionPresent);
        keepAlive.start(keepAliveSeconds);
        deps.deliveryService().resume(session);
        for (MqttPacket packet : attaching.pipelined()) {
            if (!(state instanceof ConnectionState.Connected)) {
                break;
            }
            dispatcher.dispatch(session, packet);
        }
    }

    private Properties connackProperties() {
        if (!version.isV5()) {
            return Properties.EMPTY;
        }
        return Properties.builder()
                .string(PropertyId.ASSIGNED_CLIENT_IDENTIFIER, assignedClientId)
                .integer(PropertyId.MAXIMUM_PACKET_SIZE, deps.settings().maxPacketSize())
                .build();
    }

    @Override
    public void takenOver() {
        LOG.info("{}: closing {}, its session was taken over", clientId, channel.remoteAddress());
        if (version.isV5()) {
            send(new Disconnect(ReasonCode.SESSION_TAKEN_OVER, Properties.EMPTY));
        }
        close(false);
    }

    @Override
    public void onWritabilityChanged(boolean writable) {
        if (writable && state instanceof ConnectionState.Connected connected) {
            ClientSession session = connected.session();
            session.executor().runOrExecute(() -> deps.deliveryService().drain(session));
        }
    }

    @Override
    public void onClosed() {
        stopTimers();
        if (!(state instanceof ConnectionState.Closed)) {
            LOG.debug("{}: connection from {} closed by the network", clientId, channel.remoteAddress());
            state = new ConnectionState.Closed(false);
        }
        boolean graceful = ((ConnectionState.Closed) state).graceful();
        ClientSession session = attachedSession;
        if (session != null) {
            // A no-op when the session was taken over: it is no longer attached to this connection.
            session.executor().runOrExecute(() -> deps.connectService().disconnected(session, this, graceful));
        }
    }

    /** Called by the dispatcher for DISCONNECT; {@code publishWill} for MQTT 5 reason 0x04. */
    void onDisconnect(boolean publishWill) {
        close(!publishWill);
    }

    void closeForViolation(String reason) {
        closeForError(ReasonCode.PROTOCOL_ERROR, reason);
    }

    /** Ends the connection for a protocol error: MQTT 5 clients are told why first (4.13). */
    void closeForError(int reasonCode, String reason) {
        if (state instanceof ConnectionState.Closed) {
            return;
        }
        LOG.warn("{}: closing {} for a protocol error: {}", clientId.isEmpty() ? "-" : clientId,
                channel.remoteAddress(), reason);
        if (version.isV5() && !(state instanceof ConnectionState.AwaitingConnect)) {
            send(new Disconnect(reasonCode, Properties.EMPTY));
        }
        close(false);
    }

    private void sendAndClose(MqttPacket packet) {
        send(packet);
        close(false);
    }

    private void close(boolean graceful) {
        if (!(state instanceof ConnectionState.Closed)) {
            state = new ConnectionState.Closed(graceful);
        }
        stopTimers();
        writer.stop();
        channel.close();
    }

    private void connectTimedOut() {
        if (state instanceof ConnectionState.AwaitingConnect) {
            LOG.info("{}: no CONNECT within {} ms, closing", channel.remoteAddress(), deps.settings().connectTimeoutMillis());
            close(false);
        }
    }

    private void keepAliveExpired() {
        if (state instanceof ConnectionState.Connected) {
            closeForError(ReasonCode.KEEP_ALIVE_TIMEOUT,
                    "keep alive timeout: silent for " + keepAlive.silentForMillis() + " ms [MQTT-3.1.2-24]");
        }
    }

    private void stopTimers() {
        if (connectTimer != null) {
            connectTimer.cancel();
        }
        keepAlive.stop();
    }

    @Override
    public ProtocolVersion version() {
        return version;
    }

    @Override
    public void send(MqttPacket packet) {
        writer.write(packet, version);
    }

    @Override
    public boolean isWritable() {
        return channel.isWritable();
    }
}
