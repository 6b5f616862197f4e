package dev.tern.benchmarks.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One MQTT 3.1.1 or 5 connection of the load generator. It completes {@link #connected()} on a
 * successful CONNACK, answers every QoS 1 PUBLISH with a PUBACK and every QoS 2 PUBLISH with a
 * PUBREC and then its PUBREL with a PUBCOMP, and hands messages and acknowledgements to its
 * {@link Traffic}. A QoS 2 message is handed over when its PUBLISH arrives (4.3.3, method B); a
 * broker that sent it twice would show up as a duplicate in the receiver's ledger.
 *
 * <p>Threading: the listener methods run on the channel's event loop; {@link #subscribe} and
 * {@link #disconnect} may be called from any thread and hop onto it.
 */
final class LoadClient implements PacketListener {

    private final String clientId;
    private final MqttVersion version;
    private final Traffic traffic;
    private final CompletableFuture<LoadClient> connected = new CompletableFuture<>();
    private volatile CompletableFuture<LoadClient> subscribed;
    private volatile Channel channel;
    private int receiveMaximum = PropertySection.NO_RECEIVE_MAXIMUM;

    LoadClient(String clientId, MqttVersion version, Traffic traffic) {
        this.clientId = clientId;
        this.version = version;
        this.traffic = traffic;
    }

    String clientId() {
        return clientId;
    }

    Channel channel() {
        return channel;
    }

    CompletableFuture<LoadClient> connected() {
        return connected;
    }

    /**
     * The broker's limit on unacknowledged QoS 1 PUBLISHes from this client [MQTT-3.3.4-7], known
     * once connected; read it on the channel's event loop.
     */
    int receiveMaximum() {
        return receiveMaximum;
    }

    /** Called by the connector once TCP is up; sends the pre-encoded CONNECT. */
    void start(Channel open, byte[] connectPacket) {
        channel = open;
        open.writeAndFlush(Unpooled.wrappedBuffer(connectPacket));
    }

    CompletableFuture<LoadClient> subscribe(String filter, int qos) {
        return subscribe(List.of(filter), qos);
    }

    /** One SUBSCRIBE carrying every filter; completes when its SUBACK granted all of them. */
    CompletableFuture<LoadClient> subscribe(List<String> filters, int qos) {
        CompletableFuture<LoadClient> result = new CompletableFuture<>();
        subscribed = result;
        channel.writeAndFlush(Unpooled.wrappedBuffer(MqttFrames.subscribe(version, 1, filters, qos)));
        return result;
    }

    /** Sends DISCONNECT, so that the broker discards the will [MQTT-3.14.4-3], then closes. */
    ChannelFuture disconnect() {
        return channel.writeAndFlush(Unpooled.wrappedBuffer(MqttFrames.DISCONNECT)).channel().close();
    }

    @Override
    public void onConnack(boolean sessionPresent, int returnCode, int brokerReceiveMaximum) {
        receiveMaximum = brokerReceiveMaximum;
        if (returnCode == 0) {
            connected.complete(this);
        } else {
            connected.completeExceptionally(new IOException(clientId + ": CONNACK return code " + returnCode));
            channel.close();
        }
    }

    @Override
    public void onSuback(int packetId, int worstReturnCode) {
        traffic.onSuback(packetId, worstReturnCode);
        CompletableFuture<LoadClient> waiting = subscribed;
        if (waiting == null) {
            return;
        }
        if (worstReturnCode >= 0x80) {
            waiting.completeExceptionally(new IOException(clientId + ": subscription refused"));
        } else {
            waiting.complete(this);
        }
    }

    @Override
    public void onUnsuback(int packetId) {
        traffic.onUnsuback(packetId);
    }

    @Override
    public void onPublish(int qos, boolean dup, int packetId, ByteBuf payload) {
        // Flushed once per read burst by the decoder.
        if (qos == 1) {
            channel.write(Unpooled.wrappedBuffer(MqttFrames.puback(packetId)));
        } else if (qos == 2) {
            channel.write(Unpooled.wrappedBuffer(MqttFrames.pubrec(packetId)));
        }
        traffic.onMessage(payload, dup);
    }

    @Override
    public void onPuback(int packetId, int reasonCode) {
        traffic.onAcknowledged(packetId, reasonCode);
    }

    @Override
    public void onPubrec(int packetId, int reasonCode) {
        if (PacketListener.refuses(reasonCode)) {
            traffic.onAcknowledged(packetId, reasonCode);
        } else {
            traffic.onReceived(packetId);
        }
    }

    @Override
    public void onPubrel(int packetId) {
        channel.write(Unpooled.wrappedBuffer(MqttFrames.pubcomp(packetId)));
    }

    @Override
    public void onPubcomp(int packetId) {
        traffic.onAcknowledged(packetId, 0);
    }

    @Override
    public void onWritable() {
        traffic.onWritable();
    }

    @Override
    public void onClosed() {
        IOException closed = new IOException(clientId + ": connection closed");
        connected.completeExceptionally(closed);
        CompletableFuture<LoadClient> waiting = subscribed;
        if (waiting != null) {
            waiting.completeExceptionally(closed);
        }
    }
}
