package dev.tern.bootstrap;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.ElementsIntoSet;
import dev.tern.application.port.out.Authenticator;
import dev.tern.application.port.out.Authorizer;
import dev.tern.application.port.out.EnhancedAuthenticator;
import dev.tern.application.port.out.EnhancedAuthenticators;
import dev.tern.bootstrap.config.BrokerConfig;
import dev.tern.bootstrap.config.SecurityConfig;
import dev.tern.bootstrap.security.AclAuthorizer;
import dev.tern.bootstrap.security.AclFile;
import dev.tern.bootstrap.security.BruteForceGuard;
import dev.tern.bootstrap.security.CustomAdapter;
import dev.tern.bootstrap.security.FileAuthenticator;
import dev.tern.bootstrap.security.OpenAuthenticator;
import dev.tern.bootstrap.security.PasswordEntry;
import dev.tern.bootstrap.security.PasswordFile;
import dev.tern.bootstrap.security.ReloadingFile;
import dev.tern.bootstrap.security.ScramAuthenticator;
import dev.tern.bootstrap.security.SecurityFiles;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Named;
import javax.inject.Singleton;

/**
 * Who may connect and what they may do, from {@code security.*}: the password file (PBKDF2
 * checks off the event loops, brute-force bans, SCRAM-SHA-256), the ACL file, or custom adapters
 * named by class. Without files, every client is allowed, which is why the default listener binds
 * to loopback only.
 */
@Module
interface SecurityModule {

    @Provides
    @Singleton
    static SecurityFiles securityFiles(BrokerConfig config) {
        SecurityConfig security = config.security();
        return new SecurityFiles(
                security.passwordFile().map(path -> new ReloadingFile<>(path, "password file", PasswordFile::parse)),
                security.aclFile().map(path -> new ReloadingFile<>(path, "ACL file", AclFile::parse)));
    }

    @Provides
    @Singleton
    static BruteForceGuard bruteForceGuard(BrokerConfig config, Clock clock) {
        return new BruteForceGuard(config.security().bruteForceMaxFailures(), config.security().banDuration(), clock);
    }

    @Provides
    @Singleton
    static SecurityRuntime securityRuntime(SecurityFiles files) {
        return new SecurityRuntime(files);
    }

    @Provides
    @Singleton
    static Authenticator authenticator(BrokerConfig config, SecurityFiles files, BruteForceGuard guard,
            SecurityRuntime runtime) {
        SecurityConfig security = config.security();
        boolean identityAsUsername = config.listeners().tls().useIdentityAsUsername();
        if (!security.authenticator().equals(SecurityConfig.FILE_AUTHENTICATOR)) {
            return CustomAdapter.create(security.authenticator(), Authenticator.class, settings(security));
        }
        if (files.passwords().isEmpty()) {
            return new OpenAuthenticator(security.anonymousAllowed(), identityAsUsername);
        }
        ReloadingFile<Map<String, PasswordEntry>> passwords = files.passwords().get();
        return new FileAuthenticator(passwords::current, security.anonymousAllowed(), identityAsUsername, guard,
                runtime.verifier());
    }

    @Provides
    @Singleton
    static Authorizer authorizer(BrokerConfig config, SecurityFiles files) {
        SecurityConfig security = config.security();
        if (!security.authorizer().equals(SecurityConfig.ACL_AUTHORIZER)) {
            return CustomAdapter.create(security.authorizer(), Authorizer.class, settings(security));
        }
        return files.acl().<Authorizer>map(acl -> new AclAuthorizer(acl::current)).orElse(Authorizer.ALLOW_ALL);
    }

    /** The embedder's methods plus SCRAM-SHA-256 over the password file when enabled. */
    @Provides
    @Singleton
    static EnhancedAuthenticators enhancedAuthenticators(@Named("embedded") EnhancedAuthenticators embedded,
            BrokerConfig config, SecurityFiles files, BruteForceGuard guard) {
        if (!config.security().scramEnabled() || files.passwords().isEmpty()) {
            return embedded;
        }
        var passwords = files.passwords().get();
        EnhancedAuthenticator scram = new ScramAuthenticator(passwords::current, guard, new SecureRandom());
        return embedded.plus(List.of(scram));
    }

    @Provides
    @ElementsIntoSet
    static Set<Listener> securityFilesLifecycle(SecurityFiles files, SecurityRuntime runtime) {
        return files.all().isEmpty() ? Set.of() : Set.of(runtime);
    }

    private static Map<String, String> settings(SecurityConfig security) {
        return Map.of(
                "password-file", security.passwordFile().map(Object::toString).orElse(""),
                "acl-file", security.aclFile().map(Object::toString).orElse(""),
                "allow-anonymous", String.valueOf(security.anonymousAllowed()));
    }
}
