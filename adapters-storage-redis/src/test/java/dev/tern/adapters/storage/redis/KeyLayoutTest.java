package dev.tern.adapters.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.application.port.out.StoredDelivery;
import dev.tern.application.port.out.StoredSession;
import dev.tern.domain.delivery.Delivery;
import dev.tern.domain.delivery.OutboundFlow.AwaitingPubcomp;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import dev.tern.domain.session.SessionExpiry;
import dev.tern.domain.subscription.Subscription;
import dev.tern.domain.subscription.SubscriptionOptions;
import dev.tern.domain.topic.TopicFilter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The keys an operator finds with redis-cli are the ones KEYS.md and {@link RedisKeys} describe. */
class KeyLayoutTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final StorageUnderTest storageUnderTest = new StorageUnderTest(REDIS);
    private RedisStorage storage;
    private RespClient cli;
    private String p;

    @BeforeEach
    void connect() {
        storage = storageUnderTest.open();
        cli = RespClient.connect(REDIS.url());
        p = storageUnderTest.prefix();
    }

    @AfterEach
    void disconnect() throws Exception {
        storageUnderTest.close();
        cli.close();
    }

    /** Every key under the prefix, with its Redis type. */
    private Map<String, Object> keysAndTypes() {
        Map<String, Object> types = new TreeMap<>();
        for (Object key : (List<?>) cli.call("KEYS", p + "*")) {
            types.put(((String) key).substring(p.length()), cli.call("TYPE", (String) key));
        }
        return types;
    }

    @Test
    void writesTheDocumentedKeysWithTheDocumentedTypes() {
        ApplicationMessage message = ApplicationMessage.of("a/b", new byte[] {1}, Qos.EXACTLY_ONCE, true);
        storage.sessions().save(new StoredSession("c1", new SessionExpiry(60), null, 5));
        storage.subscriptions().save(new Subscription("c1", TopicFilter.parse("a/+"), SubscriptionOptions.ofQos(Qos.AT_LEAST_ONCE)));
        storage.retained().save(message);
        storage.queues().append("c1", new StoredDelivery(7, Delivery.of(message)));
        storage.inflight().save("c1", new AwaitingPubcomp(9));
        storage.inflight().saveReceipt("c1", 10);

        assertThat(keysAndTypes()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "sessions", "set",
                "session:{c1}", "hash",
                "subscribers", "set",
                "subs:{c1}", "hash",
                "subs-order:{c1}", "zset",
                "retained", "hash",
                "queue:{c1}", "hash",
                "inflight:{c1}", "hash",
                "inflight-order:{c1}", "zset",
                "qos2:{c1}", "set"));
    }

    @Test
    void keepsNumbersReadableForOperators() {
        storage.sessions().save(new StoredSession("c1", new SessionExpiry(60), null, StoredSession.CONNECTED));
        storage.queues().append("c1", new StoredDelivery(Long.MAX_VALUE,
                Delivery.of(ApplicationMessage.of("t", new byte[0], Qos.AT_LEAST_ONCE, false))));
        storage.inflight().saveReceipt("c1", 65_535);

        assertThat(cli.call("HGET", p + "session:{c1}", "expiry")).isEqualTo("60");
        assertThat(cli.call("HGET", p + "session:{c1}", "disconnectedAt")).isEqualTo("-1");
        assertThat(cli.call("HKEYS", p + "queue:{c1}")).isEqualTo(List.of("9223372036854775807"));
        assertThat(cli.call("SMEMBERS", p + "qos2:{c1}")).isEqualTo(List.of("65535"));
    }

    @Test
    void removesEveryKeyOfAClientItDeletes() {
        storage.subscriptions().save(new Subscription("c1", TopicFilter.parse("a"), SubscriptionOptions.ofQos(Qos.AT_MOST_ONCE)));
        storage.queues().append("c1", new StoredDelivery(1,
                Delivery.of(ApplicationMessage.of("t", new byte[0], Qos.AT_LEAST_ONCE, false))));
        storage.inflight().save("c1", new AwaitingPubcomp(9));
        storage.inflight().saveReceipt("c1", 10);
        storage.sessions().save(new StoredSession("c1", SessionExpiry.NEVER, null, 5));

        storage.subscriptions().deleteAll("c1");
        // As the broker does: it removes the deliveries it knows of one by one, there is no "delete all".
        storage.queues().remove("c1", 1);
        storage.inflight().deleteAll("c1");
        storage.sessions().delete("c1");

        assertThat(keysAndTypes()).isEmpty();
    }

    @Test
    void namesTheKeyOfAValueItCannotRead() {
        cli.call("HSET", p + "retained", "a/b", "not a stored message");

        assertThatThrownBy(() -> storage.retained().loadAll())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(p + "retained a/b");
    }

    @Test
    void refusesAPrefixWithBracesThatWouldBecomeTheHashTag() {
        assertThatThrownBy(() -> new RedisKeys("tern{x}:")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tagsEveryKeyOfAClientWithItsId() {
        RedisKeys keys = new RedisKeys("tern:");

        assertThat(List.of(keys.session("c:1"), keys.subscriptions("c:1"), keys.subscriptionOrder("c:1"),
                keys.queue("c:1"), keys.inflight("c:1"), keys.inflightOrder("c:1"), keys.receipts("c:1")))
                .allSatisfy(key -> assertThat(key).startsWith("tern:").endsWith(":{c:1}"));
    }
}
