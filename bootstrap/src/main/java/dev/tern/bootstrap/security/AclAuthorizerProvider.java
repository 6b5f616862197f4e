package dev.tern.bootstrap.security;

import dev.tern.application.port.out.Authorizer;
import dev.tern.application.port.plugin.AuthorizerProvider;
import dev.tern.application.port.plugin.Setting;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code security.authorizer=acl}, the default: mosquitto-style rules from the ACL file, re-read
 * when it changes or on SIGHUP; everything allowed when there is no file.
 */
public final class AclAuthorizerProvider implements AuthorizerProvider<AclAuthorizerProvider.Settings> {

    /** The {@code security.acl.*} settings. */
    public record Settings(
            @Setting(defaultValue = "none", description = "topic access rules; none = every client may do everything")
            Optional<Path> file,
            @Setting(defaultValue = "lenient", description = "a subscription reaching denied topics: lenient = "
                    + "granted unless a deny rule covers the whole filter, denied topics withheld per message; "
                    + "strict = refused")
            WildcardSubscriptions wildcardSubscriptions) {

        public Settings {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(wildcardSubscriptions, "wildcardSubscriptions");
        }
    }

    @Override
    public String name() {
        return "acl";
    }

    @Override
    public String description() {
        return "mosquitto-style ACL file; everything allowed without one";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public Authorizer create(Settings settings) {
        if (settings.file().isEmpty()) {
            return Authorizer.ALLOW_ALL;
        }
        ReloadingFile<AclRules> rules = new ReloadingFile<>(settings.file().get(), "ACL file", AclFile::parse);
        AclAuthorizer authorizer = new AclAuthorizer(rules::current, settings.wildcardSubscriptions());
        return new WatchedAclAuthorizer(authorizer, new WatchedFiles(List.of(rules), null));
    }
}
