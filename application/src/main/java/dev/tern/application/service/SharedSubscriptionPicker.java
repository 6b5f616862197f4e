package dev.tern.application.service;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Chooses which member of a shared subscription group receives a message (4.8.2), preferring
 * members that are online: a message for an offline member waits until it returns, while an
 * online one could take it now.
 *
 * <p>Threading: thread-safe.
 */
public final class SharedSubscriptionPicker {

    private final SharedSubscriptionStrategy strategy;
    private final ConcurrentHashMap<String, AtomicInteger> turns = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> stickyMembers = new ConcurrentHashMap<>();

    public SharedSubscriptionPicker(SharedSubscriptionStrategy strategy) {
        this.strategy = strategy;
    }

    /**
     * Picks one of {@code members} (never empty) for {@code group}; {@code clientIdOf} names a
     * member, {@code online} tells whether it can take the message now.
     */
    <T> T pick(String group, List<T> members, java.util.function.Function<T, String> clientIdOf, Predicate<T> online) {
        List<T> candidates = members.stream().filter(online).toList();
        if (candidates.isEmpty()) {
            candidates = members;
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        return switch (strategy) {
            case ROUND_ROBIN -> {
                int turn = turns.computeIfAbsent(group, g -> new AtomicInteger()).getAndIncrement();
                yield candidates.get(Math.floorMod(turn, candidates.size()));
            }
            case RANDOM -> candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
            case STICKY -> {
                String sticky = stickyMembers.get(group);
                for (T candidate : candidates) {
                    if (clientIdOf.apply(candidate).equals(sticky)) {
                        yield candidate;
                    }
                }
                T chosen = candidates.get(0);
                stickyMembers.put(group, clientIdOf.apply(chosen));
                yield chosen;
            }
        };
    }
}
