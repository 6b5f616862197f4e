package dev.tern.adapters.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.application.port.out.StoredSession;
import dev.tern.domain.session.SessionExpiry;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A user and password in the url reach Redis as credentials (an ACL user created for the test). */
class CredentialsTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final String user = "tern-test-" + UUID.randomUUID();
    private RespClient cli;

    @BeforeEach
    void createUser() {
        cli = RespClient.connect(REDIS.url());
        cli.call("ACL", "SETUSER", user, "on", ">s3cret-pw", "~*", "&*", "+@all");
    }

    @AfterEach
    void deleteUser() throws Exception {
        cli.call("ACL", "DELUSER", user);
        cli.close();
    }

    private String urlWith(String password) {
        return REDIS.url().replace("redis://", "redis://" + user + ":" + password + "@");
    }

    @Test
    void logsInWithTheUserAndPasswordOfTheUrl() {
        String prefix = "test-" + UUID.randomUUID() + ":";
        try (RedisStorage storage = RedisStorage.connect(new RedisStorageSettings(urlWith("s3cret-pw"), prefix, 0, null))) {
            storage.sessions().save(new StoredSession("c1", SessionExpiry.NEVER, null, 1));

            // Redis lists each connection with the user it authenticated as.
            String clients = (String) cli.call("CLIENT", "LIST");
            assertThat(clients.lines().filter(line -> line.contains(" user=" + user + " "))).isNotEmpty();
        }

        assertThat(cli.call("EXISTS", prefix + "session:{c1}")).isEqualTo(1L);
    }

    @Test
    void refusesAWrongPasswordWithoutShowingIt() {
        assertThatThrownBy(() -> RedisStorage.connect(RedisStorageSettings.of(urlWith("wrong-pw"))))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining(user + ":***@")
                .hasMessageNotContaining("wrong-pw");
    }
}
