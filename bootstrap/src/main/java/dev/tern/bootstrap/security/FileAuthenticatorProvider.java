package dev.tern.bootstrap.security;

import dev.tern.application.port.out.Authenticator;
import dev.tern.application.port.out.EnhancedAuthenticator;
import dev.tern.application.port.plugin.Authentication;
import dev.tern.application.port.plugin.AuthenticatorProvider;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code security.authenticator=file}, the default: users from the password file (PBKDF2 checks
 * off the event loops, brute-force bans, SCRAM-SHA-256 over the same file), or every client let
 * in, by name, when there is no file.
 */
public final class FileAuthenticatorProvider implements AuthenticatorProvider<FileAuthenticatorSettings> {

    /** Two threads: a login burst queues rather than taking every core from the event loops. */
    private static final int VERIFIER_THREADS = 2;

    @Override
    public String name() {
        return "file";
    }

    @Override
    public String description() {
        return "the password file written by tern passwd; every client allowed without one";
    }

    @Override
    public Class<FileAuthenticatorSettings> settingsType() {
        return FileAuthenticatorSettings.class;
    }

    @Override
    public Authentication create(FileAuthenticatorSettings settings, Clock clock) {
        if (settings.passwordFile().isEmpty()) {
            return new Authentication(new OpenAuthenticator(settings.anonymousAllowed(),
                    settings.useIdentityAsUsername()));
        }
        ReloadingFile<Map<String, PasswordEntry>> passwords =
                new ReloadingFile<>(settings.passwordFile().get(), "password file", PasswordFile::parse);
        BruteForceGuard guard = new BruteForceGuard(settings.bruteForceMaxFailures(), settings.banDuration(), clock);
        ExecutorService verifier = verifierPool();
        Authenticator authenticator = new FileAuthenticator(passwords::current, settings.anonymousAllowed(),
                settings.useIdentityAsUsername(), guard, verifier);
        List<EnhancedAuthenticator> enhanced = settings.scramEnabled()
                ? List.of(new ScramAuthenticator(passwords::current, guard, new SecureRandom()))
                : List.of();
        return new Authentication(authenticator, enhanced, new WatchedFiles(List.of(passwords), verifier));
    }

    private static ExecutorService verifierPool() {
        AtomicInteger count = new AtomicInteger();
        // A fixed pool starts its threads on the first task, so an unused one costs nothing.
        return Executors.newFixedThreadPool(VERIFIER_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "tern-password-check-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
