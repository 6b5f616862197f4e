package dev.tern.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.out.SessionStore;
import dev.tern.application.port.out.StoredSession;
import dev.tern.domain.session.SessionExpiry;
import dev.tern.domain.will.Will;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SessionStore} must do. Extend it once per implementation (see
 * {@link StoreContract} for the hooks); round trips read back through {@link #reopened()}, with
 * {@link SessionStore#loadAll()} as the broker does.
 */
public abstract class SessionStoreContract extends StoreContract<SessionStore> {

    private static StoredSession session(String clientId, long disconnectedAtMillis) {
        return new StoredSession(clientId, new SessionExpiry(60), null, disconnectedAtMillis);
    }

    /** One client's session as the broker reads it back: through {@link SessionStore#loadAll()} at start-up. */
    private static Optional<StoredSession> loaded(SessionStore store, String clientId) {
        return store.loadAll().stream().filter(s -> s.clientId().equals(clientId)).findFirst();
    }

    /** An empty store loads no session. */
    @Test
    void loadsNoSessionFromAnEmptyStore() {
        assertThat(store().loadAll()).isEmpty();
    }

    /** Expiry, disconnect time and a will with its delay and full MQTT 5 message all survive exactly. */
    @Test
    void keepsEveryFieldOfASessionWithAWill() {
        StoredSession saved = new StoredSession("client-1", new SessionExpiry(3_600), ContractSamples.will(),
                ContractSamples.DEADLINE_MILLIS);

        store().save(saved);

        // Record equality reaches every field: payload and correlation bytes, user property order.
        assertThat(loaded(reopened(), "client-1")).contains(saved);
    }

    /** One client's session loads on its own (a node taking the session over reads just that); an unknown client has none. */
    @Test
    void loadsOneClientsSession() {
        StoredSession mine = new StoredSession("client-1", new SessionExpiry(3_600), ContractSamples.will(),
                ContractSamples.DEADLINE_MILLIS);
        store().save(mine);
        store().save(session("client-2", 5));
        store().save(session("client-3", 6));
        store().delete("client-3");

        SessionStore reopened = reopened();

        assertThat(reopened.load("client-1")).contains(mine);
        assertThat(reopened.load("client-3")).isEmpty();
        assertThat(reopened.load("nobody")).isEmpty();
    }

    /** The markers for "connected", "never expires" and "no will" survive as themselves. */
    @Test
    void keepsAConnectedSessionThatNeverExpiresAndHasNoWill() {
        StoredSession saved = new StoredSession("client-1", SessionExpiry.NEVER, null, StoredSession.CONNECTED);

        store().save(saved);

        StoredSession found = loaded(reopened(), "client-1").orElseThrow();
        assertThat(found).isEqualTo(saved);
        assertThat(found.will()).isNull();
        assertThat(found.expiry().never()).isTrue();
    }

    /** The smallest expiry and delay, and a will whose message has absent and empty properties side by side. */
    @Test
    void keepsBoundaryValuesOfExpiryAndWill() {
        Will will = new Will(ContractSamples.sparseMessage("status/c2"), 0);
        StoredSession saved = new StoredSession("client-2", SessionExpiry.AT_DISCONNECT, will, 0);

        store().save(saved);

        assertThat(loaded(reopened(), "client-2")).contains(saved);
    }

    /** Saving again under a client id replaces the whole session, will included. */
    @Test
    void replacesTheSessionOfTheSameClientId() {
        store().save(new StoredSession("client-1", SessionExpiry.NEVER, ContractSamples.will(), 5));
        StoredSession replacement = new StoredSession("client-1", new SessionExpiry(10), null, StoredSession.CONNECTED);

        store().save(replacement);

        assertThat(loaded(reopened(), "client-1")).contains(replacement);
        assertThat(store().loadAll()).containsExactly(replacement);
    }

    /** Deleting one session leaves the others alone. */
    @Test
    void deletesTheSessionOfOneClientOnly() {
        store().save(session("client-1", 1));
        store().save(session("client-2", 2));

        store().delete("client-1");

        assertThat(loaded(reopened(), "client-1")).isEmpty();
        assertThat(loaded(store(), "client-2")).contains(session("client-2", 2));
        assertThat(store().loadAll()).containsExactly(session("client-2", 2));
    }

    /** Deleting is idempotent: an unknown or already deleted client id changes nothing. */
    @Test
    void deletingAnUnknownOrAlreadyDeletedSessionDoesNothing() {
        store().save(session("client-1", 1));
        store().save(session("client-2", 2));

        store().delete("nobody");
        store().delete("client-1");
        store().delete("client-1");

        assertThat(reopened().loadAll()).containsExactly(session("client-2", 2));
    }

    /** Client ids are compared exactly: case and surrounding spaces matter. */
    @Test
    void keepsClientIdsThatDifferOnlyInCaseOrSpacesApart() {
        List<StoredSession> saved = List.of(session("client", 1), session("Client", 2), session("client ", 3),
                session("", 4), session("ü-客户端", 5));
        saved.forEach(store()::save);

        assertThat(reopened().loadAll()).containsExactlyInAnyOrderElementsOf(saved);
    }

    /** loadAll returns every session, and a list the caller cannot change the store with. */
    @Test
    void loadsEverySessionIntoAListThatCannotChangeTheStore() {
        store().save(session("client-1", 1));
        store().save(session("client-2", 2));

        List<StoredSession> loaded = reopened().loadAll();
        assertThat(loaded).containsExactlyInAnyOrder(session("client-1", 1), session("client-2", 2));
        tryToClear(loaded);

        assertThat(store().loadAll()).hasSize(2);
    }

    /**
     * Threads saving their own clients, one shared client, and short-lived clients they delete
     * again: no write is lost, no deleted session comes back, and the shared client holds the last
     * write of one of the threads.
     */
    @Test
    void staysConsistentUnderConcurrentWriters() throws Exception {
        int rounds = 300;

        Concurrently.run(thread -> {
            for (int i = 0; i < rounds; i++) {
                store().save(session("own-" + thread, i));
                store().save(session("shared", thread * 1_000L + i));
                store().save(session("temp-" + thread + "-" + i, i));
                store().delete("temp-" + thread + "-" + i);
            }
        });

        SessionStore reopened = reopened();
        for (int t = 0; t < Concurrently.THREADS; t++) {
            assertThat(loaded(reopened, "own-" + t)).contains(session("own-" + t, rounds - 1));
        }
        long shared = loaded(reopened, "shared").orElseThrow().disconnectedAtMillis();
        assertThat(shared % 1_000).isEqualTo(rounds - 1);
        assertThat(reopened.loadAll()).hasSize(Concurrently.THREADS + 1);
    }
}
