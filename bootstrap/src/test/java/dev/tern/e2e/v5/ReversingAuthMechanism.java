package dev.tern.e2e.v5;

import com.hivemq.client.mqtt.datatypes.MqttUtf8String;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientConfig;
import com.hivemq.client.mqtt.mqtt5.auth.Mqtt5EnhancedAuthMechanism;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5Auth;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5AuthBuilder;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5EnhancedAuthBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5Connect;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5Disconnect;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client side of {@link ReversedNonceAuthenticator} for the HiveMQ client: answers each
 * challenge with the nonce reversed, and counts the successes it is told of.
 *
 * <p>Threading: called by the HiveMQ client's threads; the counters are atomic.
 */
final class ReversingAuthMechanism implements Mqtt5EnhancedAuthMechanism {

    final AtomicInteger successes = new AtomicInteger();
    final AtomicInteger reauthSuccesses = new AtomicInteger();

    @Override
    public MqttUtf8String getMethod() {
        return MqttUtf8String.of(ReversedNonceAuthenticator.METHOD);
    }

    @Override
    public int getTimeout() {
        return 5;
    }

    @Override
    public CompletableFuture<Void> onAuth(Mqtt5ClientConfig config, Mqtt5Connect connect,
            Mqtt5EnhancedAuthBuilder authBuilder) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> onReAuth(Mqtt5ClientConfig config, Mqtt5AuthBuilder authBuilder) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Boolean> onContinue(Mqtt5ClientConfig config, Mqtt5Auth auth,
            Mqtt5AuthBuilder authBuilder) {
        ByteBuffer data = auth.getData().orElseThrow();
        byte[] nonce = new byte[data.remaining()];
        data.get(nonce);
        authBuilder.data(ReversedNonceAuthenticator.answer(nonce));
        return CompletableFuture.completedFuture(true);
    }

    @Override
    public CompletableFuture<Boolean> onAuthSuccess(Mqtt5ClientConfig config, Mqtt5ConnAck connAck) {
        successes.incrementAndGet();
        return CompletableFuture.completedFuture(true);
    }

    @Override
    public CompletableFuture<Boolean> onReAuthSuccess(Mqtt5ClientConfig config, Mqtt5Auth auth) {
        reauthSuccesses.incrementAndGet();
        return CompletableFuture.completedFuture(true);
    }

    @Override
    public void onAuthRejected(Mqtt5ClientConfig config, Mqtt5ConnAck connAck) {
    }

    @Override
    public void onReAuthRejected(Mqtt5ClientConfig config, Mqtt5Disconnect disconnect) {
    }

    @Override
    public void onAuthError(Mqtt5ClientConfig config, Throwable cause) {
    }

    @Override
    public void onReAuthError(Mqtt5ClientConfig config, Throwable cause) {
    }
}
