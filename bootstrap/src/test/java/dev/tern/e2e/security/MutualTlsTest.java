package dev.tern.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.netty.pkitesting.X509Bundle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutual TLS: the broker requires a client certificate signed by its CA, not expired and not on
 * the CRL, and (with use-identity-as-username) takes the certificate's CN as the user name, which
 * the ACL then applies to.
 */
class MutualTlsTest {

    @TempDir
    static Path dir;

    private static TestPki pki;
    private static X509Bundle revoked;
    private static SecureBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        pki = new TestPki(dir);
        revoked = pki.client("mallory");
        Path acl = Files.writeString(dir.resolve("acl"), "user alice\ntopic readwrite alice/#\n");
        broker = SecureBroker.start(
                "listeners.tls.enabled=true",
                "listeners.tls.cert-file=" + pki.serverChain(),
                "listeners.tls.key-file=" + pki.serverKey(),
                "listeners.tls.client-auth=required",
                "listeners.tls.ca-file=" + pki.caFile(),
                "listeners.tls.crl-file=" + pki.crlRevoking(revoked),
                "security.file.use-identity-as-username=true",
                "security.acl.file=" + acl);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void theCertificateCommonNameIsTheUserNameTheAclSees() throws Exception {
        Mqtt5BlockingClient alice = SecureClients.v5(broker.tlsPort(), "alice-device")
                .sslConfig(SecureClients.tls(pki, pki.client("alice"))).buildBlocking();
        alice.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes received = alice.publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL)) {
            alice.subscribeWith().topicFilter("alice/#").qos(MqttQos.AT_LEAST_ONCE).send();

            assertThat(SecureClients.publishQos1(alice, "alice/hello", "over mutual TLS"))
                    .isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
            assertThat(SecureClients.publishQos1(alice, "bob/hello", "not hers"))
                    .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);

            Mqtt5Publish message = received.receive(5, TimeUnit.SECONDS).orElseThrow();
            assertThat(new String(message.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("over mutual TLS");
        } finally {
            alice.disconnect();
        }
    }

    @Test
    void refusesAClientWithoutCertificate() throws Exception {
        var client = SecureClients.v5(broker.tlsPort(), "anonymous").sslConfig(SecureClients.tls(pki, null)).buildBlocking();

        assertThatThrownBy(client::connect).isInstanceOf(RuntimeException.class);
    }

    @Test
    void refusesAnExpiredCertificate() throws Exception {
        assertRefused(pki.expiredClient("old-device"));
    }

    @Test
    void refusesACertificateFromAnImpostorCaWithTheSameName() throws Exception {
        assertRefused(pki.impostorClient("alice"));
    }

    @Test
    void refusesARevokedCertificate() throws Exception {
        assertRefused(revoked);
    }

    @Test
    void theCommonNameCannotBeOverriddenByAConnectUserName() throws Exception {
        Mqtt5BlockingClient client = SecureClients.v5(broker.tlsPort(), "bob-device", "alice", "irrelevant")
                .sslConfig(SecureClients.tls(pki, pki.client("bob"))).buildBlocking();
        client.connect();
        try {
            assertThat(SecureClients.publishQos1(client, "alice/x", "impersonation"))
                    .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
        } finally {
            client.disconnect();
        }
    }

    private static void assertRefused(X509Bundle certificate) throws Exception {
        var client = SecureClients.v5(broker.tlsPort(), "refused")
                .sslConfig(SecureClients.tls(pki, certificate)).buildBlocking();

        assertThatThrownBy(client::connect).isInstanceOf(RuntimeException.class);
    }
}
