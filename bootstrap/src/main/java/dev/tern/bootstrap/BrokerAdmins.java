package dev.tern.bootstrap;

import dev.tern.application.admin.BrokerDescription;
import dev.tern.application.admin.EngineBrokerAdmin;
import dev.tern.application.port.in.admin.BrokerAdmin;
import dev.tern.application.port.in.admin.BrokerOverview;
import dev.tern.application.port.plugin.NetworkListener;
import dev.tern.application.port.plugin.Reloadable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link BrokerAdmin} the admin listeners serve, from the core and what only the
 * assembly knows: the version, the node name, the storage, the listeners, the security adapters
 * that have files to reload.
 *
 * <p>Threading: used once, on the starting thread.
 */
final class BrokerAdmins {

    private BrokerAdmins() {
    }

    /**
     * @param listeners   read at each call, so that listeners added after this call and the ports
     *                    they bind at start are shown
     * @param securityAdapters the authenticator's lifecycle and the authorizer; those with files are reloadable
     */
    static BrokerAdmin create(BrokerComponent core, String nodeName, String storage, List<NetworkListener> listeners,
            List<?> securityAdapters, Clock clock) {
        List<Reloadable> reloadables = new ArrayList<>();
        for (Object adapter : securityAdapters) {
            if (adapter instanceof Reloadable reloadable) {
                reloadables.add(reloadable);
            }
        }
        BrokerDescription description = new BrokerDescription(version(), nodeName, storage, clock.instant(),
                () -> listeners.stream().map(listener -> new BrokerOverview.ListenerView(listener.name(),
                        listener.address(), listener.port())).toList());
        return new EngineBrokerAdmin(core.sessions(), core.subscribeService(), core.sessionEnd(), core.publisher(),
                core.retainedMessages(), core.statistics(), description, reloadables, clock);
    }

    /** The jar's Implementation-Version; "development" when run from classes (tests, the IDE). */
    private static String version() {
        String version = BrokerAdmins.class.getPackage().getImplementationVersion();
        return version != null ? version : "development";
    }
}
