package dev.tern.e2e.v5;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A Paho MQTT 5 callback that records the reason code of a server DISCONNECT and, when given a
 * queue, every message that arrives.
 *
 * <p>Threading: called on Paho's threads; both sinks are thread-safe.
 */
record PahoCallbacks(CompletableFuture<Integer> disconnectReason, BlockingQueue<MqttMessage> messages)
        implements MqttCallback {

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        if (disconnectReason != null) {
            disconnectReason.complete(response.getReturnCode());
        }
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        if (messages != null) {
            messages.add(message);
        }
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
    }
}
