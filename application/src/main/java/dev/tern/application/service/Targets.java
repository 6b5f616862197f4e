package dev.tern.application.service;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The sessions one PUBLISH goes to, one {@link Target} each. Most messages go to one session (a
 * device's topic, a fan-in subscriber), so the first target is held in a field and a map is made
 * only for a second session: the common PUBLISH then allocates no map, table or entry.
 *
 * <p>Threading: confined to the thread routing the message.
 */
final class Targets {

    private Target only;
    private Map<String, Target> many;

    /** The target of {@code clientId}, added if it is not there yet. */
    Target getOrAdd(String clientId) {
        Target existing = get(clientId);
        if (existing != null) {
            return existing;
        }
        Target added = new Target(clientId);
        put(added);
        return added;
    }

    Target get(String clientId) {
        if (many != null) {
            return many.get(clientId);
        }
        return only != null && only.clientId.equals(clientId) ? only : null;
    }

    /** Adds a target for a session that has none yet. */
    void put(Target target) {
        if (only == null && many == null) {
            only = target;
            return;
        }
        if (many == null) {
            many = new HashMap<>();
            many.put(only.clientId, only);
            only = null;
        }
        many.put(target.clientId, target);
    }

    int size() {
        return many != null ? many.size() : only != null ? 1 : 0;
    }

    void forEach(Consumer<Target> action) {
        if (many != null) {
            many.values().forEach(action);
        } else if (only != null) {
            action.accept(only);
        }
    }
}
