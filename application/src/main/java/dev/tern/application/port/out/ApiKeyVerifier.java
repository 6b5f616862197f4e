package dev.tern.application.port.out;

import java.util.Optional;

/**
 * Checks API keys presented to the admin endpoints ({@code Authorization: Bearer <key>}) against
 * the keys the operator created; only their hashes are kept.
 *
 * <p>Threading: thread-safe; may read a file, so call it off the event loops.
 */
public interface ApiKeyVerifier {

    /** Accepts nothing. */
    ApiKeyVerifier NONE = key -> Optional.empty();

    /** The name of the key, when {@code presentedKey} is a valid one; empty otherwise. */
    Optional<String> verify(String presentedKey);
}
