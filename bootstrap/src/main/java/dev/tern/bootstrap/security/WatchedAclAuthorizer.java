package dev.tern.bootstrap.security;

import dev.tern.application.port.out.Authorizer;
import dev.tern.application.port.out.ClientIdentity;
import dev.tern.application.port.in.admin.FileReload;
import dev.tern.application.port.plugin.Lifecycle;
import dev.tern.application.port.plugin.Reloadable;
import dev.tern.domain.topic.TopicFilter;
import dev.tern.domain.topic.TopicName;
import java.util.List;

/**
 * The ACL authorizer with the watcher of its file, so that the broker starts and stops both.
 *
 * <p>Threading: as {@link AclAuthorizer} (thread-safe); start and stop from the lifecycle thread.
 */
final class WatchedAclAuthorizer implements Authorizer, Lifecycle, Reloadable {

    private final AclAuthorizer rules;
    private final WatchedFiles files;

    WatchedAclAuthorizer(AclAuthorizer rules, WatchedFiles files) {
        this.rules = rules;
        this.files = files;
    }

    @Override
    public boolean canPublish(ClientIdentity client, TopicName topic) {
        return rules.canPublish(client, topic);
    }

    @Override
    public boolean canSubscribe(ClientIdentity client, TopicFilter filter) {
        return rules.canSubscribe(client, filter);
    }

    @Override
    public boolean canRead(ClientIdentity client, TopicName topic) {
        return rules.canRead(client, topic);
    }

    @Override
    public void start() {
        files.start();
    }

    @Override
    public List<FileReload> reload() {
        return files.reload();
    }

    @Override
    public void stop() {
        files.stop();
    }
}
