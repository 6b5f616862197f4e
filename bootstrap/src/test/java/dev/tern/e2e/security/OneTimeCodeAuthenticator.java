package dev.tern.e2e.security;

import dev.tern.application.port.out.AuthResult;
import dev.tern.application.port.out.Authenticator;
import dev.tern.application.port.out.Credentials;
import dev.tern.application.port.plugin.Authentication;
import dev.tern.application.port.plugin.AuthenticatorProvider;
import dev.tern.application.port.plugin.Setting;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An authenticator provider found on the class path ({@code META-INF/services} of the tests),
 * chosen by {@code security.authenticator=one-time-code}: a client is let in when its password is
 * the user name reversed, with the {@code security.one-time-code.suffix} setting appended. Real
 * adapters would ask a directory or a token service, asynchronously.
 */
public final class OneTimeCodeAuthenticator implements AuthenticatorProvider<OneTimeCodeAuthenticator.Settings> {

    /** The {@code security.one-time-code.*} settings. */
    public record Settings(@Setting(defaultValue = "", description = "appended to every expected code") String suffix) {
    }

    @Override
    public String name() {
        return "one-time-code";
    }

    @Override
    public String description() {
        return "test authenticator: the password is the user name reversed";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public Authentication create(Settings settings, Clock clock) {
        Authenticator authenticator = credentials -> check(credentials, settings.suffix());
        return new Authentication(authenticator);
    }

    private static CompletionStage<AuthResult> check(Credentials credentials, String suffix) {
        String expected = credentials.username() == null ? null
                : new StringBuilder(credentials.username()).reverse() + suffix;
        boolean matches = expected != null && credentials.password() != null
                && expected.equals(new String(credentials.password(), StandardCharsets.UTF_8));
        return CompletableFuture.completedFuture(matches
                ? new AuthResult.Allowed(credentials.username())
                : new AuthResult.Refused(0x86, "code does not match"));
    }
}
