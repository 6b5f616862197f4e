package dev.tern.application.port.out;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The enhanced authentication methods the broker offers, by name.
 *
 * <p>Threading: immutable after construction; thread-safe.
 */
public final class EnhancedAuthenticators {

    public static final EnhancedAuthenticators NONE = new EnhancedAuthenticators(List.of());

    private final Map<String, EnhancedAuthenticator> byMethod = new HashMap<>();

    public EnhancedAuthenticators(List<EnhancedAuthenticator> authenticators) {
        for (EnhancedAuthenticator a : authenticators) {
            if (byMethod.put(a.method(), a) != null) {
                throw new IllegalArgumentException("two authenticators for method " + a.method());
            }
        }
    }

    /** These methods and {@code more}; a method offered twice is refused, as in the constructor. */
    public EnhancedAuthenticators plus(List<EnhancedAuthenticator> more) {
        List<EnhancedAuthenticator> all = new java.util.ArrayList<>(byMethod.values());
        all.addAll(more);
        return new EnhancedAuthenticators(all);
    }

    /** The authenticator for {@code method}, or null when the broker does not offer it. */
    public EnhancedAuthenticator forMethod(String method) {
        return byMethod.get(method);
    }
}
