package dev.tern.application.protocol;

import dev.tern.application.config.MqttSettings;
import dev.tern.application.event.EventReasons;
import dev.tern.application.port.in.InboundConnection;
import dev.tern.application.port.out.BrokerEvent;
import dev.tern.application.port.out.ClientChannel;
import dev.tern.application.port.out.ClientIdentity;
import dev.tern.application.port.out.TaskExecutor.Cancellable;
import dev.tern.application.protocol.codec.DecodeResult;
import dev.tern.application.protocol.codec.PacketReader;
import dev.tern.application.protocol.handler.ClientLimits;
import dev.tern.application.protocol.handler.ConnectDecision;
import dev.tern.application.protocol.limit.InboundRateLimiter;
import dev.tern.application.protocol.limit.ReadGate;
import dev.tern.application.protocol.packet.Auth;
import dev.tern.application.protocol.packet.Connack;
import dev.tern.application.protocol.packet.Connect;
import dev.tern.application.protocol.packet.Disconnect;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.session.ClientSession;
import dev.tern.application.session.SessionConnection;
import dev.tern.domain.session.SessionExpiry;
import java.nio.ByteBuffer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine for one network connection: framing and decoding, CONNECT first and once, enhanced
 * authentication, keep alive, topic aliases, dispatch of each packet to its flow, and the decision
 * to disconnect. The only class that closes a connection for a protocol reason, and so the one
 * that reports a client connected and, with why, disconnected.
 *
 * <p>Threading: confined to {@code channel.executor()}. Packets of an attached session run as
 * tasks of the session's executor, which is this same thread while attached, inline when nothing
 * is queued ahead of them.
 */
final class ProtocolConnection implements InboundConnection, SessionConnection {

    private static final Logger LOG = LoggerFactory.getLogger(ProtocolConnection.class);
    /** Packets a client may pipeline after CONNECT before its CONNACK; more is abuse. */
    private static final int MAX_PIPELINED = 1024;
    private static final VarHandle PUBLISHED_BYTES;

    static {
        try {
            PUBLISHED_BYTES = MethodHandles.lookup().findVarHandle(ProtocolConnection.class, "publishedBytes", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ClientChannel channel;
    private final ConnectionDependencies deps;
    private final Consumer<ProtocolConnection> onGone;
    private final PacketReader reader;
    private final PacketDispatcher dispatcher;
    private final OutboundWriter writer;
    private final ReadGate readGate;
    /**
     * PUBLISH payload bytes received so far: written only here, read by the overload monitor's
     * thread to find the heaviest publishers (a release store through {@link #PUBLISHED_BYTES}, no
     * lock; a plain field, where an AtomicLong would cost 24 bytes more per connection).
     */
    private long publishedBytes;
    /** Null while the client has no rate limit. */
    private InboundRateLimiter rateLimiter;
    private final Consumer<DecodeResult> decodedSink = this::onDecoded;
    private ConnectionState state = new ConnectionState.AwaitingConnect();
    private ProtocolVersion version = ProtocolVersion.MQTT_3_1_1;
    private String clientId = "";
    private ClientLimits limits = ClientLimits.V3;
    private InboundTopicAliases inboundAliases;
    private OutboundTopicAliases outboundAliases;
    private AuthenticationFlow reauthentication;
    /** Set once attached, kept after close so that {@link #onClosed} can detach the session. */
    private ClientSession attachedSession;
    /** Where this connection was counted, set with {@link #attachedSession}: its disconnect goes there. */
    private ConnectionMeters.ListenerMeters listenerMeters;
    private Cancellable connectTimer;
    /** Null while the keep alive is 0 (no CONNECT yet, or the client asked for none). */
    private KeepAliveTimer keepAlive;
    private int keepAliveSeconds;
    private boolean cleanStart;
    private long sessionExpirySeconds;
    private Properties connackProperties = Properties.EMPTY;
    private String username;
    private ClientIdentity identity;

    ProtocolConnection(ClientChannel channel, ConnectionDependencies deps, Consumer<ProtocolConnection> onGone) {
        this.channel = channel;
        this.deps = deps;
        this.onGone = onGone;
        this.reader = new PacketReader(deps.codecContexts());
        this.dispatcher = new PacketDispatcher(this, deps);
        this.writer = new OutboundWriter(channel, deps.counters());
        // The client's silence while the broker did not read is not the client's: keep alive restarts.
        this.readGate = new ReadGate(channel, this::readingResumed);
    }

    /** Arms the CONNECT timeout: a socket that completes no CONNECT in time is closed. */
    void start() {
        connectTimer = channel.executor().schedule(this::connectTimedOut, deps.settings().connectTimeoutMillis());
    }

    @Override
    public void onBytes(ByteBuffer bytes) {
        if (state instanceof ConnectionState.Closed) {
            return;
        }
        if (keepAlive != null) {
            keepAlive.received();
        }
        deps.counters().received(bytes.remaining());
        writer.readStarted();
        try {
            reader.feed(bytes, decodedSink);
        } finally {
            writer.readEnded();
        }
    }

    /** Nothing once closed: what the peer still sends is not for the engine. */
    @Override
    public int bytesAwaited() {
        return state instanceof ConnectionState.Closed ? 0 : reader.bytesAwaited();
    }

    private void onDecoded(DecodeResult result) {
        if (state instanceof ConnectionState.Closed) {
            return;
        }
        if (result instanceof DecodeResult.Decoded decoded) {
            boolean publish = decoded.packet() instanceof Publish;
            deps.counters().packetReceived(publish);
            if (publish) {
                PUBLISHED_BYTES.setRelease(this,
                        (long) PUBLISHED_BYTES.get(this) + ((Publish) decoded.packet()).payload().size());
            }
            onPacket(decoded.packet());
        } else {
            onDecodeError((DecodeResult.DecodeError) result);
        }
    }

    private void onPacket(MqttPacket packet) {
        if (state instanceof ConnectionState.Connected connected) {
            ClientSession session = connected.session();
            session.executor().runOrExecute(() -> dispatchWhileAttached(session, packet));
        } else if (state instanceof ConnectionState.AwaitingConnect) {
            if (packet instanceof Connect connect) {
                onConnect(connect);
            } else {
                closeForViolation("first packet was " + packet.type() + ", not CONNECT [MQTT-3.1.0-1]");
            }
        } else if (state instanceof ConnectionState.Authenticating authenticating) {
            if (packet instanceof Auth auth) {
                continueAuthentication(authenticating, auth);
            } else {
                closeForViolation(packet.type() + " during authentication (4.12)");
            }
        } else if (state instanceof ConnectionState.Attaching attaching) {
            if (attaching.pipelined().size() >= MAX_PIPELINED) {
                closeForError(ReasonCode.QUOTA_EXCEEDED, "too many packets before CONNACK");
            } else {
                attaching.pipelined().add(packet);
            }
        }
    }

    /**
     * A packet queued behind other tasks of the session may run after this connection closed or
     * after a takeover moved the session to another connection: it is then dropped, never
     * answered on the new connection. The session is read first, on its executor; only while it
     * is still attached here is that executor this connection's thread, where {@code state} lives.
     */
    private void dispatchWhileAttached(ClientSession session, MqttPacket packet) {
        if (session.connection() == this && !(state instanceof ConnectionState.Closed)) {
            dispatcher.dispatch(session, packet);
        }
    }

    private void onDecodeError(DecodeResult.DecodeError error) {
        if (state instanceof ConnectionState.AwaitingConnect
                && error.reasonCode() == ReasonCode.UNSUPPORTED_PROTOCOL_VERSION) {
            // [MQTT-3.1.2-2]: CONNACK 0x01, then close. Sent in 3.1.1 form: the version is unknown.
            LOG.info("{}: refused CONNECT: {}", channel.remoteAddress(), error.reason());
            deps.meters().refused(ReasonCode.V3_UNACCEPTABLE_PROTOCOL_VERSION);
            send(new Connack(false, ReasonCode.V3_UNACCEPTABLE_PROTOCOL_VERSION, Properties.EMPTY));
            close(false, "unsupported protocol version");
            return;
        }
        closeForError(error.reasonCode(), "malformed input: " + error.reason());
    }

    private void onConnect(Connect connect) {
        version = connect.version();
        reader.setVersion(version);
        clientId = connect.clientId();
        String method = connect.properties().string(PropertyId.AUTHENTICATION_METHOD);
        if (method != null) {
            reauthentication = new AuthenticationFlow(deps.authenticators(), method, connect.username());
        }
        apply(deps.connectFlow().start(connect, channel.certificateIdentity(), channel.remoteAddress()));
    }

    private void continueAuthentication(ConnectionState.Authenticating authenticating, Auth auth) {
        ConnectStep step = deps.connectFlow().continueWith(authenticating, auth);
        if (step == null) {
            closeForViolation("AUTH during CONNECT must continue with the same method (4.12)");
        } else {
            apply(step);
        }
    }

    /** Carries out the next step of settling the CONNECT. */
    private void apply(ConnectStep step) {
        if (step instanceof ConnectStep.Refuse refuse) {
            LOG.info("{}: refused CONNECT of '{}': {}", channel.remoteAddress(), clientId, refuse.reason());
            deps.meters().refused(refuse.reasonCode());
            send(new Connack(false, refuse.reasonCode(), refuse.properties()));
            close(false, "connect refused");
        } else if (step instanceof ConnectStep.Challenge challenge) {
            state = challenge.next();
            send(challenge.auth());
        } else if (step instanceof ConnectStep.AwaitAuthenticator await) {
            // Packets the client sends meanwhile wait, in order, as they do while the session attaches.
            state = new ConnectionState.Attaching();
            await.verdict().whenComplete((result, failure) -> channel.executor().execute(() -> {
                if (!(state instanceof ConnectionState.Closed)) {
                    apply(deps.connectFlow().authenticated(await.accept(), result, failure, version.isV5()));
                }
            }));
        } else {
            ConnectStep.Attach attach = (ConnectStep.Attach) step;
            username = attach.username();
            attach(attach.accept(), attach.authProperties());
        }
    }

    private void attach(ConnectDecision.Accept accept, Properties authProperties) {
        if (connectTimer != null) {
            connectTimer.cancel();
        }
        // Dropped, not kept: a cancelled timer would hold its task for the connection's whole life.
        connectTimer = null;
        clientId = accept.request().clientId();
        limits = accept.limits();
        if (version.isV5()) {
            inboundAliases = new InboundTopicAliases(deps.v5().topicAliasMaximum());
            if (deps.v5().outboundTopicAliases() && limits.topicAliasMaximum() > 0) {
                outboundAliases = new OutboundTopicAliases(limits.topicAliasMaximum());
            }
        }
        keepAliveSeconds = accept.keepAliveSeconds();
        cleanStart = accept.request().cleanStart();
        sessionExpirySeconds = accept.request().expiry().seconds();
        connackProperties = Properties.concat(accept.connackProperties(), authProperties);
        identity = new ClientIdentity(clientId, username);
        rateLimiter = deps.rateLimiting().limiterFor(readGate, channel.executor(), channel.listenerName(), username,
                clientId);
        if (!(state instanceof ConnectionState.Attaching)) {
            state = new ConnectionState.Attaching();
        }
        deps.sessionAttachService().connect(accept.request(), this, channel.executor());
    }

    @Override
    public void attached(ClientSession session, boolean sessionPresent) {
        if (state instanceof ConnectionState.Closed) {
            // The socket closed while the session was being attached: let the session go again.
            deps.sessionAttachService().disconnected(session, this, false);
            return;
        }
        ConnectionState.Attaching attaching = (ConnectionState.Attaching) state;
        attachedSession = session;
        state = new ConnectionState.Connected(session);
        session.recordAttachment(new ClientSession.Attachment(username, channel.remoteAddress(), version.level(),
                deps.clock().millis()));
        listenerMeters = deps.meters().connected(channel.listenerName(), version);
        // [MQTT-3.3.4-7..9]: never more unacknowledged QoS 1/2 PUBLISHes than the client's Receive Maximum.
        session.state().setInflightCapacity(Math.min(deps.settings().maxInflight(), limits.receiveMaximum()));
        send(new Connack(sessionPresent, ReasonCode.SUCCESS, connackProperties));
        LOG.debug("{}: connected from {}, session present {}", clientId, channel.remoteAddress(), sessionPresent);
        deps.counters().clientConnected();
        if (deps.events().enabled()) {
            deps.events().emit(new BrokerEvent.ClientConnected(deps.clock().instant(), clientId, username,
                    channel.remoteAddress(), version.level(), sessionPresent, keepAliveSeconds, cleanStart,
                    sessionExpirySeconds));
        }
        if (keepAliveSeconds > 0) {
            keepAlive = new KeepAliveTimer(deps.keepAliveWheels().wheelFor(channel.executor()), keepAliveSeconds,
                    this::keepAliveExpired, readGate::paused);
        }
        deps.deliveryService().resume(session);
        for (MqttPacket packet : attaching.pipelined()) {
            if (!(state instanceof ConnectionState.Connected)) {
                break;
            }
            dispatcher.dispatch(session, packet);
        }
    }

    /** Resolves the topic of an inbound PUBLISH (MQTT 5 topic aliases); null after closing for an error. */
    Publish resolveTopic(Publish publish) {
        if (inboundAliases == null) {
            return publish;
        }
        InboundTopicAliases.Resolution resolution = inboundAliases.resolve(publish);
        if (resolution.failed()) {
            closeForError(resolution.reasonCode(), resolution.problem());
            return null;
        }
        return resolution.publish();
    }

    /** The client's rate limit, resolved when it connected; null when it has none. */
    InboundRateLimiter rateLimiter() {
        return rateLimiter;
    }

    /** PUBLISH payload bytes this client has sent; read from any thread. */
    long publishedBytes() {
        return (long) PUBLISHED_BYTES.getAcquire(this);
    }

    /** Overload protection pauses or resumes reading from this client; called from any thread. */
    void overloaded(boolean paused) {
        channel.executor().execute(() -> {
            if (!(state instanceof ConnectionState.Closed)) {
                readGate.overloaded(paused);
            }
        });
    }

    /** AUTH from a connected client: re-authentication (4.12.1). */
    void onAuth(Auth auth) {
        if (reauthentication == null) {
            closeForViolation("AUTH without enhanced authentication in CONNECT");
            return;
        }
        AuthenticationFlow.Outcome outcome = reauthentication.onAuth(clientId, auth);
        if (outcome.reply() != null) {
            send(outcome.reply());
        } else {
            closeForError(outcome.disconnectCode(), outcome.problem());
        }
    }

    /**
     * DISCONNECT from the client. MQTT 5: reason 0x04 asks for the will; a Session Expiry Interval
     * may replace the CONNECT's, except that one of 0 cannot become non-zero [MQTT-3.14.2-2].
     */
    void onDisconnect(ClientSession session, Disconnect disconnect) {
        if (version.isV5() && disconnect.properties().has(PropertyId.SESSION_EXPIRY_INTERVAL)) {
            long requested = disconnect.properties().integer(PropertyId.SESSION_EXPIRY_INTERVAL, 0);
            if (session.state().expiry().endsAtDisconnect() && requested != 0) {
                closeForViolation("DISCONNECT sets a session expiry on a session that had none [MQTT-3.14.2-2]");
                return;
            }
            deps.sessionAttachService().changeExpiry(session, new SessionExpiry(
                    Math.min(requested, deps.v5().maxSessionExpirySeconds())));
        }
        boolean graceful = disconnect.reasonCode() != ReasonCode.DISCONNECT_WITH_WILL;
        close(graceful, graceful ? EventReasons.CLIENT_DISCONNECTED : EventReasons.CLIENT_DISCONNECTED_WITH_WILL);
    }

    @Override
    public void takenOver() {
        LOG.info("{}: closing {}, its session was taken over", clientId, channel.remoteAddress());
        if (version.isV5()) {
            send(new Disconnect(ReasonCode.SESSION_TAKEN_OVER, Properties.EMPTY));
        }
        close(false, EventReasons.TAKEN_OVER);
    }

    /** The broker is stopping: MQTT 5 clients are told so (0x8B), then every connection closes. */
    void serverShuttingDown() {
        channel.executor().execute(() -> {
            if (state instanceof ConnectionState.Closed) {
                return;
            }
            if (version.isV5() && state instanceof ConnectionState.Connected) {
                send(new Disconnect(ReasonCode.SERVER_SHUTTING_DOWN, Properties.EMPTY));
            }
            close(false, EventReasons.SERVER_SHUTTING_DOWN);
        });
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
        onGone.accept(this);
        if (!(state instanceof ConnectionState.Closed)) {
            LOG.debug("{}: connection from {} closed by the network", clientId, channel.remoteAddress());
            becomeClosed(false, EventReasons.NETWORK_CLOSED);
        }
        boolean graceful = ((ConnectionState.Closed) state).graceful();
        ClientSession session = attachedSession;
        if (session != null) {
            // A no-op when the session was taken over: it is no longer attached to this connection.
            session.executor().runOrExecute(() -> deps.sessionAttachService().disconnected(session, this, graceful));
        }
    }

    void closeForViolation(String reason) {
        closeForError(ReasonCode.PROTOCOL_ERROR, reason);
    }

    /** Ends the connection for a protocol error: MQTT 5 clients are told why first (4.13). */
    void closeForError(int reasonCode, String reason) {
        closeForError(reasonCode, reason, EventReasons.PROTOCOL_ERROR + reason);
    }

    /** As {@link #closeForError(int, String)}, reporting (and logging as) {@code eventReason}. */
    void closeForError(int reasonCode, String reason, String eventReason) {
        if (state instanceof ConnectionState.Closed) {
            return;
        }
        deps.closeLog().closing(clientId, channel.remoteAddress(), reason, eventReason);
        // [MQTT-3.2.0-1]: nothing but AUTH may go out before CONNACK, so no DISCONNECT until connected.
        if (version.isV5() && state instanceof ConnectionState.Connected) {
            send(new Disconnect(reasonCode, Properties.builder().string(PropertyId.REASON_STRING, reason).build()));
        }
        close(false, eventReason);
    }

    /** Closes once: the first reason given is the one reported. */
    private void close(boolean graceful, String reason) {
        if (!(state instanceof ConnectionState.Closed)) {
            becomeClosed(graceful, reason);
        }
        stopTimers();
        readGate.close();
        writer.stop();
        channel.close();
    }

    /**
     * Reports the disconnect here, as the connection closes, rather than when the socket is gone:
     * a takeover then reports the old connection's end before the new one's CONNACK.
     */
    private void becomeClosed(boolean graceful, String reason) {
        state = new ConnectionState.Closed(graceful);
        if (attachedSession == null) {
            return;
        }
        deps.counters().clientDisconnected();
        listenerMeters.disconnected();
        if (deps.events().enabled()) {
            deps.events().emit(new BrokerEvent.ClientDisconnected(deps.clock().instant(), clientId, reason, username,
                    channel.remoteAddress(), version.level()));
        }
    }

    private void connectTimedOut() {
        if (state instanceof ConnectionState.AwaitingConnect || state instanceof ConnectionState.Authenticating) {
            deps.closeLog().connectTimedOut(channel.remoteAddress(), deps.settings().connectTimeoutMillis());
            close(false, "no CONNECT in time");
        }
    }

    private void readingResumed() {
        if (keepAlive != null) {
            keepAlive.received();
        }
    }

    private void keepAliveExpired() {
        if (state instanceof ConnectionState.Connected) {
            closeForError(ReasonCode.KEEP_ALIVE_TIMEOUT,
                    "keep alive timeout: silent for " + keepAlive.silentForMillis() + " ms [MQTT-3.1.2-24]",
                    EventReasons.KEEP_ALIVE_TIMEOUT);
        }
    }

    private void stopTimers() {
        if (connectTimer != null) {
            connectTimer.cancel();
        }
        if (keepAlive != null) {
            keepAlive.stop();
        }
        if (rateLimiter != null) {
            rateLimiter.stop();
        }
    }

    @Override
    public ProtocolVersion version() {
        return version;
    }

    @Override
    public void send(MqttPacket packet) {
        if (outboundAliases != null && packet instanceof Publish publish) {
            packet = outboundAliases.apply(publish, maximumPacketSize());
        }
        writer.write(packet, version);
    }

    @Override
    public void abort(int reasonCode, String reason) {
        if (state instanceof ConnectionState.Attaching) {
            // Before CONNACK (a cluster node could not take the session): the CONNACK says why;
            // only 0x88 fits every cause among CONNACK's codes, and 3.1.1 has its 0x03.
            int refusal = version.isV5() ? ReasonCode.SERVER_UNAVAILABLE : ReasonCode.V3_SERVER_UNAVAILABLE;
            apply(new ConnectStep.Refuse(refusal, reason, version.isV5()
                    ? Properties.builder().string(PropertyId.REASON_STRING, reason).build() : Properties.EMPTY));
            return;
        }
        // Not the client's fault (a store write failed): reported as what happened, not as a protocol error.
        closeForError(reasonCode, reason, reason);
    }

    @Override
    public ClientIdentity identity() {
        return identity;
    }

    @Override
    public boolean isWritable() {
        return channel.isWritable();
    }

    @Override
    public int maximumPacketSize() {
        return Math.min(limits.maximumPacketSize(), MqttSettings.PROTOCOL_MAX_PACKET_SIZE);
    }
}
