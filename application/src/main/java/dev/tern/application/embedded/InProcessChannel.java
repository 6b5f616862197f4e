package dev.tern.application.embedded;

import dev.tern.application.config.MqttSettings;
import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.in.InboundConnection;
import dev.tern.application.port.out.ClientChannel;
import dev.tern.application.port.out.TaskExecutor;
import dev.tern.application.protocol.codec.DecodeResult;
import dev.tern.application.protocol.codec.PacketEncoder;
import dev.tern.application.protocol.codec.PacketReader;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ClientChannel} with no I/O under it. Bytes the engine writes are decoded on flush with
 * the broker's own codec and handed to the client as packets; the client's packets are encoded as
 * MQTT 5 and fed to the engine as inbound bytes. So the engine cannot tell it from a socket.
 *
 * <p>Threading: everything runs on {@link #executor()}, the client's connection thread, except
 * {@link #setWritable} and {@link #isWritable}, callable from any thread.
 */
final class InProcessChannel implements ClientChannel {

    /** What {@link #listenerName()} reports. */
    static final String LISTENER_NAME = "in-process";

    /** The client's side: packets from the broker, and the end of the connection. */
    interface Peer {
        void onPacket(MqttPacket packet);

        void onClosed();
    }

    private static final Logger LOG = LoggerFactory.getLogger(InProcessChannel.class);

    private final TaskExecutor executor;
    private final String address;
    private final Peer peer;
    private final PacketReader reader = new PacketReader(MqttSettings.PROTOCOL_MAX_PACKET_SIZE);
    private final List<ByteBuffer> written = new ArrayList<>();
    private final AtomicBoolean writable = new AtomicBoolean(true);
    private InboundConnection connection;
    private boolean closed;

    InProcessChannel(TaskExecutor executor, String clientId, Peer peer) {
        this.executor = executor;
        this.address = "in-process:" + clientId;
        this.peer = peer;
        reader.setVersion(ProtocolVersion.MQTT_5);
    }

    /** Hands this channel to the engine, as a transport does for a new socket; on the executor. */
    void open(ConnectionAcceptor acceptor) {
        connection = acceptor.accept(this);
    }

    /** Sends a packet to the broker; dropped once the connection is closed. On the executor. */
    void send(MqttPacket packet) {
        if (!closed) {
            connection.onBytes(PacketEncoder.encode(packet, ProtocolVersion.MQTT_5));
        }
    }

    /** Called by the client's backlog accounting; the engine resumes deliveries when writable again. */
    void setWritable(boolean nowWritable) {
        if (writable.compareAndSet(!nowWritable, nowWritable)) {
            executor.execute(() -> {
                if (!closed) {
                    connection.onWritabilityChanged(nowWritable);
                }
            });
        }
    }

    @Override
    public void write(ByteBuffer bytes) {
        if (!closed) {
            written.add(bytes);
        }
    }

    @Override
    public void flush() {
        // Decoding may lead the client to answer, which may make the engine write: take a snapshot.
        List<ByteBuffer> batch = List.copyOf(written);
        written.clear();
        for (ByteBuffer bytes : batch) {
            reader.feed(bytes.duplicate(), this::decoded);
        }
    }

    private void decoded(DecodeResult result) {
        if (result instanceof DecodeResult.Decoded decoded) {
            peer.onPacket(decoded.packet());
        } else {
            LOG.error("{}: undecodable bytes from the broker: {}", address, result);
            close();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        flush();
        closed = true;
        // As with a socket, the engine hears of the close after this call, not within it.
        executor.execute(() -> {
            connection.onClosed();
            peer.onClosed();
        });
    }

    @Override
    public boolean isWritable() {
        return writable.get();
    }

    @Override
    public String remoteAddress() {
        return address;
    }

    /** No network listener: the connection meters count in-process clients as their own listener. */
    @Override
    public String listenerName() {
        return LISTENER_NAME;
    }

    @Override
    public TaskExecutor executor() {
        return executor;
    }
}
