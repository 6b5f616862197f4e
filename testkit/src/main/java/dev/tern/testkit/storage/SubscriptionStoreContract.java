package dev.tern.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.out.SubscriptionStore;
import dev.tern.domain.message.Qos;
import dev.tern.domain.subscription.RetainHandling;
import dev.tern.domain.subscription.Subscription;
import dev.tern.domain.subscription.SubscriptionOptions;
import dev.tern.domain.topic.TopicFilter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SubscriptionStore} must do. Extend it once per implementation (see
 * {@link StoreContract} for the hooks); round trips read back through {@link #reopened()}.
 */
public abstract class SubscriptionStoreContract extends StoreContract<SubscriptionStore> {

    private static Subscription subscription(String clientId, String filter) {
        return new Subscription(clientId, TopicFilter.parse(filter), SubscriptionOptions.ofQos(Qos.AT_LEAST_ONCE));
    }

    private static Subscription subscription(String clientId, String filter, SubscriptionOptions options) {
        return new Subscription(clientId, TopicFilter.parse(filter), options);
    }

    /** The subscriptions of one client as loadAll lists them, in their order. */
    private List<Subscription> subscriptionsOf(SubscriptionStore store, String clientId) {
        return store.loadAll().stream().filter(s -> s.clientId().equals(clientId)).toList();
    }

    /** One client's subscriptions load on their own, in the order first saved; a client without any has none. */
    @Test
    void loadsOneClientsSubscriptionsInTheOrderFirstSaved() {
        List<Subscription> mine = List.of(subscription("client-1", "z/1"), subscription("client-1", "$share/g/a/#"),
                subscription("client-1", "a/b"));
        store().save(mine.get(0));
        store().save(subscription("client-2", "z/1"));
        store().save(mine.get(1));
        store().save(mine.get(2));

        SubscriptionStore reopened = reopened();

        assertThat(reopened.load("client-1")).containsExactlyElementsOf(mine);
        assertThat(reopened.load("nobody")).isEmpty();
    }

    /** An empty store loads nothing. */
    @Test
    void loadsNothingFromAnEmptyStore() {
        assertThat(store().loadAll()).isEmpty();
    }

    /**
     * Every MQTT 5 option survives: each granted QoS, each Retain Handling, No Local, Retain As
     * Published, and subscription identifiers from none to the largest allowed.
     */
    @Test
    void keepsEveryOptionOfEverySubscription() {
        List<Subscription> saved = List.of(
                subscription("client-1", "a/+/c",
                        new SubscriptionOptions(Qos.AT_MOST_ONCE, true, false, RetainHandling.SEND_ON_SUBSCRIBE, 1)),
                subscription("client-1", "a/#",
                        new SubscriptionOptions(
                                Qos.AT_LEAST_ONCE, false, true, RetainHandling.SEND_IF_NEW_SUBSCRIPTION, 0)),
                subscription("client-1", "#",
                        new SubscriptionOptions(Qos.EXACTLY_ONCE, true, true, RetainHandling.DO_NOT_SEND, 268_435_455)),
                subscription("client-1", "ünï/cödé", SubscriptionOptions.ofQos(Qos.EXACTLY_ONCE)));
        saved.forEach(store()::save);

        assertThat(reopened().loadAll()).containsExactlyElementsOf(saved);
    }

    /** A shared subscription comes back with its full filter, its share group and its matched part. */
    @Test
    void keepsTheShareGroupOfASharedSubscription() {
        Subscription shared = subscription("client-1", "$share/group-a/sensors/+/temp",
                new SubscriptionOptions(Qos.AT_LEAST_ONCE, false, false, RetainHandling.SEND_ON_SUBSCRIBE, 9));
        store().save(shared);

        Subscription loaded = reopened().loadAll().get(0);

        assertThat(loaded).isEqualTo(shared);
        assertThat(loaded.filter().shareGroup()).isEqualTo("group-a");
        assertThat(loaded.filter().filter()).isEqualTo("sensors/+/temp");
    }

    /**
     * Each client's subscriptions load in the order first saved, however the filters sort and
     * however saves of different clients interleave.
     */
    @Test
    void listsEachClientsSubscriptionsInTheOrderFirstSaved() {
        List<Subscription> first = new ArrayList<>();
        List<Subscription> second = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // Scrambled filter texts, so neither alphabetical nor hash order matches insertion order.
            String filter = "f/" + ((i * 17) % 40) + "/" + (char) ('z' - i % 26);
            first.add(subscription("client-1", filter));
            second.add(subscription("client-2", "g/" + (39 - i)));
            store().save(first.get(i));
            store().save(second.get(i));
        }

        SubscriptionStore reopened = reopened();
        assertThat(subscriptionsOf(reopened, "client-1")).containsExactlyElementsOf(first);
        assertThat(subscriptionsOf(reopened, "client-2")).containsExactlyElementsOf(second);
    }

    /** Saving the same (client, filter) again replaces its options and keeps its place. */
    @Test
    void replacesTheSubscriptionOfTheSameClientAndFilterInPlace() {
        store().save(subscription("client-1", "a"));
        store().save(subscription("client-1", "b"));
        store().save(subscription("client-1", "c"));
        Subscription replacement = subscription("client-1", "b",
                new SubscriptionOptions(Qos.EXACTLY_ONCE, true, true, RetainHandling.DO_NOT_SEND, 5));

        store().save(replacement);

        assertThat(reopened().loadAll())
                .containsExactly(subscription("client-1", "a"), replacement, subscription("client-1", "c"));
    }

    /** The same filter of two clients is two subscriptions: replacing or deleting one leaves the other. */
    @Test
    void keepsTheSameFilterOfDifferentClientsApart() {
        store().save(subscription("client-1", "a/b"));
        store().save(subscription("client-2", "a/b"));
        Subscription replacement = subscription("client-1", "a/b", SubscriptionOptions.ofQos(Qos.AT_MOST_ONCE));

        store().save(replacement);
        store().delete("client-2", "a/b");
        store().save(subscription("client-3", "a/b"));

        assertThat(reopened().loadAll()).containsExactlyInAnyOrder(replacement, subscription("client-3", "a/b"));
    }

    /** Filters are compared exactly: case, empty levels and trailing slashes make different filters. */
    @Test
    void keepsFiltersThatDifferOnlyInCaseOrSlashesApart() {
        List<Subscription> saved = List.of(subscription("client-1", "a/b"), subscription("client-1", "A/b"),
                subscription("client-1", "a/b/"), subscription("client-1", "a//b"), subscription("client-1", "/a/b"));
        saved.forEach(store()::save);

        assertThat(reopened().loadAll()).containsExactlyElementsOf(saved);
    }

    /** Deleting removes exactly one subscription and keeps the order of the rest. */
    @Test
    void deletesOneSubscriptionOnly() {
        store().save(subscription("client-1", "a"));
        store().save(subscription("client-1", "b"));
        store().save(subscription("client-1", "c"));

        store().delete("client-1", "b");

        assertThat(reopened().loadAll()).containsExactly(subscription("client-1", "a"), subscription("client-1", "c"));
    }

    /** A subscription deleted and saved again is a new subscription, so it comes last. */
    @Test
    void putsASubscriptionSavedAgainAfterItsDeletionLast() {
        store().save(subscription("client-1", "a"));
        store().save(subscription("client-1", "b"));

        store().delete("client-1", "a");
        store().save(subscription("client-1", "a"));

        assertThat(reopened().loadAll()).containsExactly(subscription("client-1", "b"), subscription("client-1", "a"));
    }

    /** Deleting is idempotent: an unknown filter, an unknown client, or a second delete change nothing. */
    @Test
    void deletingAnUnknownSubscriptionDoesNothing() {
        store().save(subscription("client-1", "a"));
        store().save(subscription("client-1", "b"));

        store().delete("client-1", "unknown");
        store().delete("nobody", "a");
        store().delete("client-1", "b");
        store().delete("client-1", "b");

        assertThat(reopened().loadAll()).containsExactly(subscription("client-1", "a"));
    }

    /** deleteAll removes every subscription of one client and none of another; it is idempotent. */
    @Test
    void deleteAllRemovesOnlyThatClientsSubscriptions() {
        store().save(subscription("client-1", "a"));
        store().save(subscription("client-2", "a"));
        store().save(subscription("client-1", "b"));
        store().save(subscription("client-2", "b"));

        store().deleteAll("client-1");
        store().deleteAll("client-1");
        store().deleteAll("nobody");

        assertThat(reopened().loadAll()).containsExactly(subscription("client-2", "a"), subscription("client-2", "b"));
    }

    /** A client whose subscriptions were all deleted can subscribe again from scratch. */
    @Test
    void savesAfreshAfterDeleteAll() {
        store().save(subscription("client-1", "a"));
        store().save(subscription("client-1", "b"));
        store().deleteAll("client-1");

        store().save(subscription("client-1", "b"));

        assertThat(reopened().loadAll()).containsExactly(subscription("client-1", "b"));
    }

    /** loadAll hands out a list the caller cannot change the store with. */
    @Test
    void loadsIntoAListThatCannotChangeTheStore() {
        store().save(subscription("client-1", "a"));

        tryToClear(store().loadAll());

        assertThat(store().loadAll()).containsExactly(subscription("client-1", "a"));
    }

    /**
     * Threads subscribing their own client and one shared client, then unsubscribing every odd
     * filter: nothing is lost, nothing deleted comes back, and each thread's subscriptions keep the
     * order in which it saved them.
     */
    @Test
    void staysConsistentUnderConcurrentWriters() throws Exception {
        int rounds = 100;

        Concurrently.run(thread -> {
            for (int i = 0; i < rounds; i++) {
                store().save(subscription("own-" + thread, "f/" + i));
                store().save(subscription("shared", "t" + thread + "/f/" + i));
            }
            for (int i = 1; i < rounds; i += 2) {
                store().delete("own-" + thread, "f/" + i);
                store().delete("shared", "t" + thread + "/f/" + i);
            }
        });

        SubscriptionStore reopened = reopened();
        List<Subscription> shared = subscriptionsOf(reopened, "shared");
        assertThat(shared).hasSize(Concurrently.THREADS * rounds / 2);
        for (int t = 0; t < Concurrently.THREADS; t++) {
            List<Subscription> own = new ArrayList<>();
            List<Subscription> ownInShared = new ArrayList<>();
            for (int i = 0; i < rounds; i += 2) {
                own.add(subscription("own-" + t, "f/" + i));
                ownInShared.add(subscription("shared", "t" + t + "/f/" + i));
            }
            String prefix = "t" + t + "/";
            assertThat(subscriptionsOf(reopened, "own-" + t)).containsExactlyElementsOf(own);
            assertThat(shared.stream().filter(s -> s.filter().value().startsWith(prefix)).toList())
                    .containsExactlyElementsOf(ownInShared);
        }
    }
}
