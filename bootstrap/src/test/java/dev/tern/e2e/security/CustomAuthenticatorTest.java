package dev.tern.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import org.junit.jupiter.api.Test;

/** {@code security.authenticator} names a custom {@code Authenticator} class, created with the security settings. */
class CustomAuthenticatorTest {

    @Test
    void usesTheAuthenticatorClassNamedInTheConfiguration() throws Exception {
        try (SecureBroker broker = SecureBroker.start(
                "security.authenticator=" + OneTimeCodeAuthenticator.class.getName())) {
            var good = SecureClients.v5(broker.tcpPort(), "c1", "tern", "nret").buildBlocking();
            var bad = SecureClients.v5(broker.tcpPort(), "c2", "tern", "tern").buildBlocking();

            assertThat(good.connect().getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.SUCCESS);
            good.disconnect();
            assertThat(catchThrowableOfType(Mqtt5ConnAckException.class, bad::connect).getMqttMessage().getReasonCode())
                    .isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD);
        }
    }

    @Test
    void refusesToStartWithAClassThatIsNotAnAuthenticator() {
        assertThatThrownBy(() -> SecureBroker.start("security.authenticator=java.lang.String"))
                .hasMessageContaining("does not implement dev.tern.application.port.out.Authenticator");
        assertThatThrownBy(() -> SecureBroker.start("security.authenticator=com.example.Missing"))
                .hasMessageContaining("no class com.example.Missing");
    }
}
