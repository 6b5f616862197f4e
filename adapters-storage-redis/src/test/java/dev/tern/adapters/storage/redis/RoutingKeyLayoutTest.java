package dev.tern.adapters.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.cluster.ForwardedMessage;
import dev.tern.testkit.cluster.RecordingReceiver;
import dev.tern.testkit.storage.ContractSamples;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the route table and forwarding leave in Redis, as KEYS.md documents it. */
class RoutingKeyLayoutTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final RedisClusterNodes nodes = RedisClusterNodes.on(REDIS);
    private final RoutingKeys keys = nodes.keys();

    @AfterEach
    void leave() {
        nodes.close();
    }

    @SuppressWarnings("unchecked")
    private static <T> T call(String... command) {
        try (RespClient redis = RespClient.connect(REDIS.url())) {
            return (T) redis.call(command);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Object> members(String... command) {
        return call(command);
    }

    private static ForwardedMessage forwarded(String id) {
        return new ForwardedMessage(id, ContractSamples.plainMessage("t", id), true, Set.of());
    }

    @Test
    void routesAreOneSetPerNodeAndASetOfNodes() {
        RedisRouteTable a = nodes.routes("a");

        a.add("x/#");
        a.add("$share/g/y");

        assertThat(keys.routes("a")).endsWith("cluster:{routes}:node:a");
        assertThat(members("SMEMBERS", keys.routes("a"))).containsExactlyInAnyOrder("x/#", "$share/g/y");
        assertThat(members("SMEMBERS", keys.routeNodes())).containsExactly("a");
        a.remove("x/#");
        a.remove("$share/g/y");
        assertThat(members("SMEMBERS", keys.routeNodes())).isEmpty();
        assertThat((Object) call("EXISTS", keys.routes("a"))).isEqualTo(0L);
    }

    @Test
    void anInboxHoldsOnlyUnsettledMessagesAndIsNeverTrimmed() throws Exception {
        RedisForwarding a = nodes.forwarding("a", Clock.systemUTC(), 3);
        for (int i = 0; i < 3; i++) {
            a.sendDurably("b", forwarded("a:" + i)).toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        assertThat((Object) call("XLEN", keys.inbox("b"))).isEqualTo(3L);

        boolean refused = a.sendDurably("b", forwarded("a:3")).toCompletableFuture()
                .handle((done, failure) -> failure != null).get(10, TimeUnit.SECONDS);

        assertThat(refused).isTrue();
        assertThat(a.refusedCount()).isEqualTo(1);
        assertThat((Object) call("XLEN", keys.inbox("b"))).isEqualTo(3L);
        RedisForwarding b = nodes.forwarding("b", Clock.systemUTC(), 3);
        RecordingReceiver onB = RecordingReceiver.settling();
        b.receive(onB);
        for (int i = 0; i < 3; i++) {
            onB.nextMessage();
        }
        nodes.stop("b");
        assertThat((Object) call("XLEN", keys.inbox("b"))).isEqualTo(0L);
    }

    @Test
    void drainingDeletesTheDepartedInbox() throws Exception {
        RedisForwarding a = nodes.forwarding("a", Clock.systemUTC(), 10);
        a.sendDurably("b", forwarded("a:1")).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(keys.inbox("b")).endsWith("cluster:inbox:{b}");
        assertThat((Object) call("EXISTS", keys.inbox("b"))).isEqualTo(1L);

        nodes.forwarding("c", Clock.systemUTC(), 10).drainDeparted("b", RecordingReceiver.settling());

        assertThat((Object) call("EXISTS", keys.inbox("b"))).isEqualTo(0L);
    }
}
