package dev.tern.adapters.storage.redis;

import java.util.List;
import java.util.Set;
import java.util.List;

/**
 * Which clients have keys of one kind (a session, subscriptions), so that the start-up loads know
 * whose keys to read. On one server it is a set kept in the same MULTI/EXEC as the client's keys
 * ({@link SetClientIndex}); in a Redis Cluster, where that set would live in another hash slot,
 * the client's own keys are the index, found by SCAN ({@link ScannedClientIndex}).
 *
 * <p>Threading: implementations are thread-safe.
 */
interface ClientIndex {

    /** Adds to {@code ops}, the write of the client's own keys, what lists {@code clientId}. */
    void add(List<WriteOp> ops, String clientId);

    /** Adds to {@code ops}, the write deleting the client's keys, what unlists {@code clientId}. */
    void remove(List<WriteOp> ops, String clientId);

    /**
     * The clients listed. May name a client whose keys are gone by the time they are read: the
     * loads skip a client with nothing stored.
     */
    Set<String> clientIds();
}
