package dev.tern.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import org.junit.jupiter.api.Test;

/**
 * {@code security.authenticator} names an authenticator provider found on the class path, whose
 * settings live under {@code security.<name>.*}.
 */
class CustomAuthenticatorTest {

    @Test
    void usesTheAuthenticatorProviderNamedInTheConfigurationWithItsSettings() throws Exception {
        try (SecureBroker broker = SecureBroker.start("security.authenticator=one-time-code",
                "security.one-time-code.suffix=!")) {
            var good = SecureClients.v5(broker.tcpPort(), "c1", "tern", "nret!").buildBlocking();
            var bad = SecureClients.v5(broker.tcpPort(), "c2", "tern", "nret").buildBlocking();

            assertThat(good.connect().getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.SUCCESS);
            good.disconnect();
            assertThat(catchThrowableOfType(Mqtt5ConnAckException.class, bad::connect).getMqttMessage().getReasonCode())
                    .isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD);
        }
    }

    @Test
    void refusesToStartWithAnAuthenticatorNoProviderAnswers() {
        assertThatThrownBy(() -> SecureBroker.start("security.authenticator=com.example.Missing"))
                .hasMessageContaining("security.authenticator: \"com.example.Missing\" is not one of")
                .hasMessageContaining("file").hasMessageContaining("one-time-code");
    }

    @Test
    void refusesASettingTheChosenProviderDoesNotDeclare() {
        assertThatThrownBy(() -> SecureBroker.start("security.authenticator=one-time-code",
                "security.one-time-code.sufix=!"))
                .hasMessageContaining("unknown key \"security.one-time-code.sufix\"")
                .hasMessageContaining("did you mean \"security.one-time-code.suffix\"?");
    }
}
