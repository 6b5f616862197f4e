package dev.tern.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.out.AuthExchange;
import dev.tern.application.port.out.AuthStep;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server side of SCRAM-SHA-256 against a client written from RFC 5802 section 3 in {@link ScramTestClient}. */
class ScramExchangeTest {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, PasswordEntry> users = Map.of("user", new PasswordEntry("user",
            Pbkdf2Hash.create("pencil".toCharArray(), random, 1000),
            ScramCredential.create("pencil".toCharArray(), random, 4096)));
    private final BruteForceGuard guard = new BruteForceGuard(3, Duration.ofMinutes(1), Clock.systemUTC());
    private final ScramAuthenticator authenticator = new ScramAuthenticator(() -> users, guard, random);

    @Test
    void provesBothSidesWithTheRightPassword() {
        ScramTestClient client = new ScramTestClient("user", "pencil");
        AuthExchange exchange = authenticator.begin("c1", "user");

        AuthStep challenge = exchange.step(client.first());
        assertThat(challenge).isInstanceOf(AuthStep.Continue.class);
        String serverFirst = new String(((AuthStep.Continue) challenge).serverData(), StandardCharsets.UTF_8);
        assertThat(serverFirst).startsWith("r=" + client.nonce()).contains(",s=").endsWith(",i=4096");

        AuthStep outcome = exchange.step(client.last(serverFirst));
        assertThat(outcome).isInstanceOf(AuthStep.Success.class);
        assertThat(client.verifiesServer(((AuthStep.Success) outcome).serverData())).isTrue();
    }

    @Test
    void refusesAWrongPasswordWithBadUserNameOrPassword() {
        assertThat(runWith("user", "user", "pen")).isEqualTo(new AuthStep.Failure(0x86, "wrong password or unknown user"));
    }

    @Test
    void anUnknownUserLooksLikeAWrongPasswordUntilTheEnd() {
        ScramTestClient client = new ScramTestClient("nobody", "x");
        AuthExchange exchange = authenticator.begin("c1", "nobody");

        assertThat(exchange.step(client.first())).isInstanceOf(AuthStep.Continue.class);
    }

    @Test
    void refusesWhenConnectNamesAnotherUser() {
        assertThat(runWith("mallory", "user", "pencil")).isInstanceOf(AuthStep.Failure.class);
        assertThat(runWith(null, "user", "pencil")).isInstanceOf(AuthStep.Failure.class);
    }

    @Test
    void refusesAReplayedProofForANewChallenge() {
        ScramTestClient client = new ScramTestClient("user", "pencil");
        AuthExchange first = authenticator.begin("c1", "user");
        String serverFirst = new String(((AuthStep.Continue) first.step(client.first())).serverData(),
                StandardCharsets.UTF_8);
        byte[] proof = client.last(serverFirst);
        first.step(proof);

        AuthExchange second = authenticator.begin("c1", "user");
        second.step(client.first());

        assertThat(second.step(proof)).isInstanceOf(AuthStep.Failure.class);
    }

    @Test
    void bansAClientIdAfterRepeatedFailures() {
        for (int i = 0; i < 3; i++) {
            runWith("user", "user", "wrong");
        }
        assertThat(runWith("user", "user", "pencil")).isEqualTo(new AuthStep.Failure(0x8A, "banned after failed logins"));
    }

    private AuthStep runWith(String connectUsername, String scramUser, String password) {
        ScramTestClient client = new ScramTestClient(scramUser, password);
        AuthExchange exchange = authenticator.begin("c1", connectUsername);
        AuthStep step = exchange.step(client.first());
        if (!(step instanceof AuthStep.Continue challenge)) {
            return step;
        }
        return exchange.step(client.last(new String(challenge.serverData(), StandardCharsets.UTF_8)));
    }
}
