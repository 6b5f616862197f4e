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

    /** The authenticator for {@code method}, or null when the broker does not offer it. */
    public EnhancedAuthenticator forMethod(String method) {
        return byMethod.get(method);
    }
}
