package dev.tern.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.out.RetainedMessageStore;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.topic.TopicName;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RetainedMessageStore} must do. Extend it once per implementation (see
 * {@link StoreContract} for the hooks); round trips read back through {@link #reopened()}.
 */
public abstract class RetainedMessageStoreContract extends StoreContract<RetainedMessageStore> {

    private static ApplicationMessage retained(String topic, String text) {
        return ContractSamples.plainMessage(topic, text).withRetain(true);
    }

    /** An empty store loads nothing. */
    @Test
    void loadsNothingFromAnEmptyStore() {
        assertThat(store().loadAll()).isEmpty();
    }

    /**
     * Every field survives exactly: every byte of the payload, QoS, RETAIN, publisher, expiry
     * deadline, and each MQTT 5 property with user properties in order, duplicates included.
     */
    @Test
    void keepsEveryFieldOfARetainedMessage() {
        ApplicationMessage message = ContractSamples.fullMessage("sensors/ünï/1");

        store().save(message);

        // Record equality reaches every field: payload and correlation bytes, user property order.
        assertThat(reopened().loadAll()).containsExactly(message);
    }

    /** Absent properties stay absent and empty or zero ones stay empty or zero. */
    @Test
    void keepsAbsentPropertiesApartFromEmptyOnes() {
        ApplicationMessage message = ContractSamples.sparseMessage("sensors/2");

        store().save(message);

        ApplicationMessage loaded = reopened().loadAll().get(0);
        assertThat(loaded).isEqualTo(message);
        assertThat(loaded.properties().payloadFormatIndicator()).isZero();
        assertThat(loaded.properties().contentType()).isEmpty();
        assertThat(loaded.properties().responseTopic()).isNull();
        assertThat(loaded.properties().correlationData()).isNull();
    }

    /** A message from an MQTT 3.1.1 client has no properties and never expires. */
    @Test
    void keepsAMessageWithoutProperties() {
        ApplicationMessage message = retained("sensors/3", "21.5");

        store().save(message);

        assertThat(reopened().loadAll()).containsExactly(message);
    }

    /** Saving under a topic that already has a retained message replaces it [MQTT-3.3.1-5]. */
    @Test
    void replacesTheRetainedMessageOfTheSameTopic() {
        store().save(ContractSamples.fullMessage("sensors/1"));
        ApplicationMessage replacement = retained("sensors/1", "new");

        store().save(replacement);

        assertThat(reopened().loadAll()).containsExactly(replacement);
    }

    /** Deleting one topic's message leaves the others. */
    @Test
    void deletesTheRetainedMessageOfOneTopicOnly() {
        store().save(retained("sensors/1", "one"));
        store().save(retained("sensors/2", "two"));

        store().delete(new TopicName("sensors/1"));

        assertThat(reopened().loadAll()).containsExactly(retained("sensors/2", "two"));
    }

    /** Deleting is idempotent: an unknown topic, or a second delete, changes nothing. */
    @Test
    void deletingAnUnknownTopicDoesNothing() {
        store().save(retained("sensors/1", "one"));
        store().save(retained("sensors/2", "two"));

        store().delete(new TopicName("sensors"));
        store().delete(new TopicName("sensors/2"));
        store().delete(new TopicName("sensors/2"));

        assertThat(reopened().loadAll()).containsExactly(retained("sensors/1", "one"));
    }

    /** Topics are compared exactly: case, empty levels, trailing slashes and {@code $} make different topics. */
    @Test
    void keepsTopicsThatDifferOnlyInCaseOrSlashesApart() {
        List<ApplicationMessage> saved = List.of(retained("a/b", "1"), retained("A/b", "2"), retained("a/b/", "3"),
                retained("a//b", "4"), retained("/a/b", "5"), retained("$SYS/a/b", "6"), retained("a/b ", "7"));
        saved.forEach(store()::save);

        assertThat(reopened().loadAll()).containsExactlyInAnyOrderElementsOf(saved);
    }

    /** loadAll hands out a list the caller cannot change the store with. */
    @Test
    void loadsIntoAListThatCannotChangeTheStore() {
        store().save(retained("a", "1"));

        tryToClear(store().loadAll());

        assertThat(store().loadAll()).containsExactly(retained("a", "1"));
    }

    /**
     * Threads replacing their own topic, one shared topic, and topics they delete again: each own
     * topic holds its thread's last message, the shared one the last message of one of them.
     */
    @Test
    void staysConsistentUnderConcurrentWriters() throws Exception {
        int rounds = 300;

        Concurrently.run(thread -> {
            for (int i = 0; i < rounds; i++) {
                store().save(retained("own/" + thread, Integer.toString(i)));
                store().save(retained("shared", thread + ":" + i));
                store().save(retained("temp/" + thread + "/" + i, "x"));
                store().delete(new TopicName("temp/" + thread + "/" + i));
            }
        });

        List<ApplicationMessage> loaded = reopened().loadAll();
        assertThat(loaded).hasSize(Concurrently.THREADS + 1);
        for (int t = 0; t < Concurrently.THREADS; t++) {
            assertThat(loaded).contains(retained("own/" + t, Integer.toString(rounds - 1)));
        }
        ApplicationMessage shared = loaded.stream()
                .filter(m -> m.topic().value().equals("shared")).findFirst().orElseThrow();
        assertThat(new String(shared.payload().toByteArray(), StandardCharsets.UTF_8))
                .endsWith(":" + (rounds - 1));
    }
}
