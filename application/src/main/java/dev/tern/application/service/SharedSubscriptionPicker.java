package dev.tern.application.service;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chooses which member of a shared subscription group receives a message (4.8.2): round robin
 * per group.
 *
 * <p>Threading: thread-safe.
 */
public final class SharedSubscriptionPicker {

    private final ConcurrentHashMap<String, AtomicInteger> turns = new ConcurrentHashMap<>();

    <T> T pick(String group, List<T> members) {
        if (members.size() == 1) {
            return members.get(0);
        }
        int turn = turns.computeIfAbsent(group, g -> new AtomicInteger()).getAndIncrement();
        return members.get(Math.floorMod(turn, members.size()));
    }
}
