package dev.tern.application.protocol.limit;

import java.util.Locale;
import java.util.Objects;

/**
 * One override of the broker-wide rate limit: for the clients of a listener, or those whose user
 * name or client id matches a pattern. Written {@code <scope>:<pattern>=<messages>/<bytes>}, e.g.
 * {@code client:sensor-*=10/4096}, {@code user:ingest=0/0} (no limit) or {@code listener:tcp-internal=0/0};
 * in a pattern {@code *} stands for any run of characters and everything else for itself.
 */
public record RateLimitRule(Scope scope, String pattern, RateLimit limit) {

    /** What a rule's pattern is matched against. */
    public enum Scope {
        /** The configured instance name of the listener the client came through. */
        LISTENER,
        /** The user name the client connected with; a client without one never matches. */
        USER,
        /** The client identifier (the assigned one, if the broker assigned it). */
        CLIENT
    }

    public RateLimitRule {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(limit, "limit");
        if (pattern == null || pattern.isEmpty()) {
            throw new IllegalArgumentException("a rate limit rule needs a pattern");
        }
    }

    /** @throws IllegalArgumentException naming what is wrong with {@code text} */
    public static RateLimitRule parse(String text) {
        String rule = text.strip();
        int colon = rule.indexOf(':');
        int equals = rule.lastIndexOf('=');
        int slash = rule.lastIndexOf('/');
        if (colon < 1 || equals < colon + 2 || slash < equals + 2 || slash == rule.length() - 1) {
            throw new IllegalArgumentException("rate limit rule '" + text
                    + "' is not <listener|user|client>:<pattern>=<messages per second>/<bytes per second>");
        }
        Scope scope;
        try {
            scope = Scope.valueOf(rule.substring(0, colon).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rate limit rule '" + text + "': scope must be listener, user or client");
        }
        try {
            return new RateLimitRule(scope, rule.substring(colon + 1, equals).strip(), new RateLimit(
                    Long.parseLong(rule.substring(equals + 1, slash).strip()),
                    Long.parseLong(rule.substring(slash + 1).strip())));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rate limit rule '" + text + "': rates must be whole numbers");
        }
    }

    /** Whether this rule applies to a client of {@code listener} with these names ({@code username} may be null). */
    public boolean matches(String listener, String username, String clientId) {
        String subject = switch (scope) {
            case LISTENER -> listener;
            case USER -> username;
            case CLIENT -> clientId;
        };
        return subject != null && globMatches(pattern, subject);
    }

    /** {@code *} matches any run of characters, including none; the last {@code *} seen is backtracked to. */
    static boolean globMatches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int starText = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                starText = t;
            } else if (p < pattern.length() && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (star >= 0) {
                p = star + 1;
                t = ++starText;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    @Override
    public String toString() {
        return scope.name().toLowerCase(Locale.ROOT) + ":" + pattern + "=" + limit;
    }
}
