package dev.tern.application.protocol.limit;

import java.util.List;
import java.util.Objects;

/**
 * The broker's rate limit settings: the limit every client gets, the rules that override it (the
 * first rule that matches wins, in the order configured), and what happens over a limit.
 */
public record RateLimitPolicy(RateLimit defaults, List<RateLimitRule> rules, OverLimit overLimit) {

    /** No limits for anyone: what the broker runs with unless configured otherwise. */
    public static final RateLimitPolicy NONE = new RateLimitPolicy(RateLimit.UNLIMITED, List.of(), OverLimit.PAUSE);

    public RateLimitPolicy {
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(overLimit, "overLimit");
        rules = List.copyOf(rules);
    }

    /**
     * The limit of a client, decided once when it connects.
     *
     * @param username null for a client without one
     */
    public RateLimit resolve(String listener, String username, String clientId) {
        for (RateLimitRule rule : rules) {
            if (rule.matches(listener, username, clientId)) {
                return rule.limit();
            }
        }
        return defaults;
    }

    /** Whether no client can ever be limited, so that connections need not even look. */
    public boolean limitsNobody() {
        return defaults.unlimited() && rules.stream().allMatch(rule -> rule.limit().unlimited());
    }
}
