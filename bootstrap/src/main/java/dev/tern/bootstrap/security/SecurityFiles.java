package dev.tern.bootstrap.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The password and ACL files a broker was configured with, each kept current by reloading.
 *
 * <p>Threading: immutable holder; the files themselves are thread-safe.
 */
public record SecurityFiles(Optional<ReloadingFile<Map<String, PasswordEntry>>> passwords,
        Optional<ReloadingFile<AclRules>> acl) {

    public List<ReloadingFile<?>> all() {
        List<ReloadingFile<?>> all = new ArrayList<>();
        passwords.ifPresent(all::add);
        acl.ifPresent(all::add);
        return all;
    }
}
