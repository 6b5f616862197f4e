package dev.tern.application.port.plugin;

import dev.tern.application.port.out.Authenticator;
import dev.tern.application.port.out.EnhancedAuthenticator;
import java.util.List;
import java.util.Objects;

/**
 * What an authenticator provider built: the check of CONNECT's user name and password (or
 * certificate), and the MQTT 5 enhanced authentication methods it offers (4.12), possibly none.
 *
 * @param lifecycle started and stopped with the broker; {@code null} when there is nothing to run
 */
public record Authentication(Authenticator authenticator, List<EnhancedAuthenticator> enhancedMethods,
        Lifecycle lifecycle) {

    public Authentication {
        Objects.requireNonNull(authenticator, "authenticator");
        enhancedMethods = List.copyOf(enhancedMethods);
    }

    public Authentication(Authenticator authenticator) {
        this(authenticator, List.of(), null);
    }
}
