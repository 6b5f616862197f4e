package dev.tern.adapters.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The group commits' own connection: one transaction per batch, failures reported, reconnection. */
class RespConnectionTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final String prefix = "resp-" + UUID.randomUUID() + ":";
    private RespConnection connection;
    private RespClient cli;

    @BeforeEach
    void connect() {
        connection = RespConnection.forUrl(new RedisStorageSettings(REDIS.url(), prefix, 0, Duration.ofSeconds(1)));
        cli = RespClient.connect(REDIS.url());
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
        cli.close();
    }

    private RespBatch batchOf(WriteOp... ops) {
        RespBatch batch = RespBatch.transaction();
        for (WriteOp op : ops) {
            op.into(batch);
        }
        return batch;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void appliesABatchAsOneTransaction() {
        connection.execute(batchOf(new WriteOp.HashPut(prefix + "h", "a", bytes("1")),
                new WriteOp.SetAdd(prefix + "s", "x"),
                new WriteOp.OrderedPut(prefix + "o", prefix + "o-order", "f", bytes("v"))));

        assertThat(cli.call("HGET", prefix + "h", "a")).isEqualTo("1");
        assertThat(cli.call("SISMEMBER", prefix + "s", "x")).isEqualTo(1L);
        assertThat(cli.call("ZRANGE", prefix + "o-order", "0", "-1")).isEqualTo(List.of("f"));
    }

    @Test
    void failsABatchWithACommandRedisRefusesAndStaysUsable() {
        cli.call("SET", prefix + "text", "not a hash");

        assertThatThrownBy(() -> connection.execute(batchOf(new WriteOp.HashPut(prefix + "text", "a", bytes("1")))))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("WRONGTYPE");

        connection.execute(batchOf(new WriteOp.HashPut(prefix + "h", "a", bytes("2"))));
        assertThat(cli.call("HGET", prefix + "h", "a")).isEqualTo("2");
    }

    @Test
    void reconnectsWhenRedisClosedItsConnection() {
        connection.execute(batchOf(new WriteOp.HashPut(prefix + "h", "a", bytes("1"))));
        String clients = (String) cli.call("CLIENT", "LIST");
        String writer = clients.lines().filter(line -> line.contains("name=tern-writer")).findFirst().orElseThrow();
        String id = writer.substring(3, writer.indexOf(' '));

        cli.call("CLIENT", "KILL", "ID", id);
        connection.execute(batchOf(new WriteOp.HashPut(prefix + "h", "b", bytes("2"))));

        assertThat(cli.call("HGET", prefix + "h", "b")).isEqualTo("2");
    }

    @Test
    void failsWhenTooFewReplicasConfirm() {
        // A lone test server has no replicas.
        try (RespConnection waiting = RespConnection.forUrl(
                new RedisStorageSettings(REDIS.url(), prefix, 1, Duration.ofMillis(50)))) {
            assertThatThrownBy(() -> waiting.execute(batchOf(new WriteOp.HashPut(prefix + "h", "a", bytes("1")))))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessageContaining("only 0 of 1 replicas");
        }
        // Applied on the primary all the same, as the storage port says.
        assertThat(cli.call("HGET", prefix + "h", "a")).isEqualTo("1");
    }

    @Test
    void failsWhenRedisCannotBeReached() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        try (RespConnection unreachable = RespConnection.forUrl(new RedisStorageSettings(
                "redis://127.0.0.1:" + closedPort, prefix, 0, Duration.ofSeconds(1)))) {
            assertThatThrownBy(() -> unreachable.execute(batchOf(new WriteOp.HashPut(prefix + "h", "a", bytes("1")))))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessageContaining("127.0.0.1:" + closedPort);
        }
    }

    @Test
    void isNotUsedForTlsOrAConfigurationFile() {
        assertThat(RespConnection.forUrl(new RedisStorageSettings("rediss://127.0.0.1:6380", prefix, 0,
                Duration.ofSeconds(1)))).isNull();
    }
}
