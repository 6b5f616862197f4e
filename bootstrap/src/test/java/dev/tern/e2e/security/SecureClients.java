package dev.tern.e2e.security;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.netty.pkitesting.X509Bundle;
import java.nio.charset.StandardCharsets;

/** HiveMQ clients for the security tests: plain or TLS, with or without a client certificate and password. */
final class SecureClients {

    private SecureClients() {
    }

    static Mqtt3ClientBuilder v3(int port, String clientId) {
        return MqttClient.builder().useMqttVersion3().identifier(clientId).serverHost("127.0.0.1").serverPort(port);
    }

    static Mqtt5ClientBuilder v5(int port, String clientId) {
        return MqttClient.builder().useMqttVersion5().identifier(clientId).serverHost("127.0.0.1").serverPort(port);
    }

    static Mqtt3ClientBuilder v3(int port, String clientId, String user, String password) {
        return v3(port, clientId).simpleAuth().username(user).password(password.getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth();
    }

    static Mqtt5ClientBuilder v5(int port, String clientId, String user, String password) {
        return v5(port, clientId).simpleAuth().username(user).password(password.getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth();
    }

    /** Publishes at QoS 1 and returns the PUBACK's reason code, error or not. */
    static Mqtt5PubAckReasonCode publishQos1(Mqtt5BlockingClient client, String topic, String payload) {
        try {
            Mqtt5PublishResult result = client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(payload.getBytes(StandardCharsets.UTF_8)).send();
            return ((Mqtt5PublishResult.Mqtt5Qos1Result) result).getPubAck().getReasonCode();
        } catch (Mqtt5PubAckException e) {
            return e.getMqttMessage().getReasonCode();
        }
    }

    /** TLS trusting {@code pki}'s CA; presenting {@code clientCertificate} when not null. */
    static MqttClientSslConfig tls(TestPki pki, X509Bundle clientCertificate) throws Exception {
        var builder = MqttClientSslConfig.builder().trustManagerFactory(pki.ca.toTrustManagerFactory());
        if (clientCertificate != null) {
            builder = builder.keyManagerFactory(clientCertificate.toKeyManagerFactory());
        }
        return builder.build();
    }
}
