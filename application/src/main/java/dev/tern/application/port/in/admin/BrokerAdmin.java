package dev.tern.application.port.in.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an administrator may see and do in a running broker. Answers are values; failures a caller
 * can cause (an unknown client, a bad filter) are {@link AdminOutcome}s, never exceptions.
 *
 * <p>Threading: thread-safe. Callers are admin worker threads, never an MQTT event loop: a method
 * that needs a session's own state submits a task to that session's executor and waits for it
 * (bounded), so it may block its caller briefly but never an event loop.
 */
public interface BrokerAdmin {

    /** Sessions matching {@code query}, ordered by client id. */
    Page<ClientSummary> clients(ClientQuery query, PageRequest page);

    /** One session in detail; empty when there is no session for {@code clientId}. */
    Optional<ClientDetail> client(String clientId);

    /**
     * Disconnects the client (MQTT 5: DISCONNECT 0x98 Administrative action); its will follows as
     * for any abnormal disconnect. With {@code discardSession}, the session ends as well.
     */
    AdminOutcome kick(String clientId, boolean discardSession);

    /** Subscribes the client as its own SUBSCRIBE would: authorizer, then retained messages. */
    AdminOutcome subscribe(String clientId, String filter, int qos);

    AdminOutcome unsubscribe(String clientId, String filter);

    /** Publishes through the broker's publish path; the API key is the authority, not the authorizer. */
    AdminOutcome publish(AdminPublish message);

    /** Retained messages whose topic matches {@code filter}, ordered by topic. */
    Page<RetainedView> retained(String filter, PageRequest page);

    Optional<RetainedView> retainedMessage(String topic);

    AdminOutcome deleteRetained(String topic);

    BrokerOverview broker();

    /** The main counts, by name, in a stable order. */
    Map<String, Long> metricsSummary();

    /** Re-reads the password and ACL files now; empty when no security provider has files. */
    Optional<List<FileReload>> reloadSecurity();
}
