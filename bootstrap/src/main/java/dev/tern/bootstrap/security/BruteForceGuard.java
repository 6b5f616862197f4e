package dev.tern.bootstrap.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bans a remote host, and separately a client id, after {@code maxFailures} failed logins within
 * {@code ban}, for {@code ban}. Counting per host stops one machine trying many client ids;
 * counting per client id stops many machines guessing one device's password.
 *
 * <p>A success does not clear the host's count: an attacker who also holds one valid account
 * could otherwise reset it between guesses. The tables are bounded: beyond {@link #MAX_TRACKED}
 * entries, those whose window and ban are over are dropped, and if all are live, the oldest
 * information is lost by clearing, which only ever forgives.
 *
 * <p>Threading: thread-safe.
 */
public final class BruteForceGuard {

    static final int MAX_TRACKED = 100_000;

    private final int maxFailures;
    private final Duration ban;
    private final Clock clock;
    private final Map<String, Failures> byKey = new ConcurrentHashMap<>();

    /** @param maxFailures 0 disables the guard */
    public BruteForceGuard(int maxFailures, Duration ban, Clock clock) {
        this.maxFailures = maxFailures;
        this.ban = ban;
        this.clock = clock;
    }

    /** @param remoteAddress null when the caller does not know it (enhanced authentication) */
    public boolean isBanned(String remoteAddress, String clientId) {
        long now = clock.millis();
        return remoteAddress != null && banned(hostKey(remoteAddress), now) || banned(clientKey(clientId), now);
    }

    /** @param remoteAddress null when the caller does not know it: only the client id counts then */
    public void recordFailure(String remoteAddress, String clientId) {
        if (maxFailures <= 0) {
            return;
        }
        long now = clock.millis();
        if (byKey.size() >= MAX_TRACKED) {
            byKey.values().removeIf(failures -> failures.isOver(now, ban.toMillis()));
            if (byKey.size() >= MAX_TRACKED) {
                byKey.clear();
            }
        }
        if (remoteAddress != null) {
            byKey.compute(hostKey(remoteAddress), (key, failures) -> Failures.next(failures, now, maxFailures, ban));
        }
        byKey.compute(clientKey(clientId), (key, failures) -> Failures.next(failures, now, maxFailures, ban));
    }

    public void recordSuccess(String clientId) {
        byKey.remove(clientKey(clientId));
    }

    private boolean banned(String key, long now) {
        Failures failures = byKey.get(key);
        return failures != null && failures.bannedUntil() > now;
    }

    /** {@code 10.0.0.7:51234} and {@code [::1]:51234} are the hosts {@code 10.0.0.7} and {@code [::1]}. */
    static String host(String remoteAddress) {
        int colon = remoteAddress.lastIndexOf(':');
        boolean hasPort = colon > 0 && (remoteAddress.indexOf(':') == colon || remoteAddress.charAt(colon - 1) == ']');
        return hasPort ? remoteAddress.substring(0, colon) : remoteAddress;
    }

    private static String hostKey(String remoteAddress) {
        return "host " + host(remoteAddress);
    }

    private static String clientKey(String clientId) {
        return "client " + clientId;
    }

    /** Failures counted since {@code windowStart}; a ban in force until {@code bannedUntil}. */
    private record Failures(int count, long windowStart, long bannedUntil) {

        static Failures next(Failures previous, long now, int maxFailures, Duration ban) {
            Failures current = previous == null || now - previous.windowStart > ban.toMillis()
                    ? new Failures(0, now, previous == null ? 0 : previous.bannedUntil)
                    : previous;
            int count = current.count + 1;
            if (count >= maxFailures) {
                return new Failures(0, now, now + ban.toMillis());
            }
            return new Failures(count, current.windowStart, current.bannedUntil);
        }

        boolean isOver(long now, long banMillis) {
            return bannedUntil <= now && now - windowStart > banMillis;
        }
    }
}
