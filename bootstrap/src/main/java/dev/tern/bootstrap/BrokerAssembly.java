package dev.tern.bootstrap;

import dev.tern.application.event.BrokerEvents;
import dev.tern.application.event.EventDispatcher;
import dev.tern.application.port.cluster.ClusterBackend;
import dev.tern.application.port.in.admin.BrokerAdmin;
import dev.tern.application.port.out.Authorizer;
import dev.tern.application.port.out.BrokerEventListener;
import dev.tern.application.port.out.EnhancedAuthenticator;
import dev.tern.application.port.out.EnhancedAuthenticators;
import dev.tern.application.port.out.Storage;
import dev.tern.application.port.plugin.AdminContext;
import dev.tern.application.port.plugin.AdminListenerProvider;
import dev.tern.application.port.plugin.Authentication;
import dev.tern.application.port.plugin.AuthenticatorProvider;
import dev.tern.application.port.plugin.AuthorizerProvider;
import dev.tern.application.port.plugin.EventListenerProvider;
import dev.tern.application.port.plugin.Lifecycle;
import dev.tern.application.port.plugin.ListenerContext;
import dev.tern.application.port.plugin.ListenerProvider;
import dev.tern.application.port.plugin.MetricsBackend;
import dev.tern.application.port.plugin.MetricsProvider;
import dev.tern.application.port.plugin.NetworkListener;
import dev.tern.application.port.plugin.StorageProvider;
import dev.tern.application.service.PublishService;
import dev.tern.application.sys.ClientEventsPublisher;
import dev.tern.bootstrap.config.BrokerConfig;
import dev.tern.bootstrap.config.Chosen;
import dev.tern.bootstrap.config.SysConfig;
import dev.tern.bootstrap.metrics.BrokerGauges;
import dev.tern.bootstrap.security.ApiKeyFile;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Builds a broker from its configuration: each chosen provider builds its adapter (unless the
 * embedder passed one in), the core is built around them, and the lifecycle gets them in start
 * order. Bootstrap names no adapter: everything it runs came through a provider.
 *
 * <p>Threading: used once, on the starting thread.
 */
final class BrokerAssembly {

    private BrokerAssembly() {
    }

    /** @throws dev.tern.application.port.plugin.StorageOpenException when storage cannot be opened */
    static BrokerLifecycle assemble(BrokerConfig config, Clock clock, EmbeddedAdapters embedded) {
        Storage storage = embedded.storage() != null ? embedded.storage() : open(config.storage(), clock);
        Optional<ClusterBackend> cluster = Optional.empty();
        try {
            cluster = ClusterOpening.open(config.cluster(), storage, new SecureRandom());
            List<Lifecycle> adapters = new ArrayList<>();
            MetricsBackend metrics = metrics(config.metrics());
            if (metrics.lifecycle() != null) {
                adapters.add(metrics.lifecycle());
            }
            SysConfig sys = config.sys();
            // Each node of a cluster publishes $SYS/brokers/<node>/...: host names would not tell them apart.
            String nodeName = cluster.map(ClusterBackend::nodeId).filter(id -> sys.nodeName().equals(SysConfig.AUTO))
                    .orElseGet(sys::resolvedNodeName);
            AtomicReference<PublishService> publishPath = new AtomicReference<>();
            BrokerEvents events = events(config, nodeName, embedded, metrics, adapters, clock, publishPath);
            Authentication authentication = embedded.authentication() != null
                    ? embedded.authentication() : authentication(config.authenticator(), clock);
            if (authentication.lifecycle() != null) {
                adapters.add(authentication.lifecycle());
            }
            Authorizer authorizer = embedded.authorizer() != null ? embedded.authorizer() : authorizer(config.authorizer());
            addIfLifecycle(authorizer, adapters);
            List<EnhancedAuthenticator> methods = new ArrayList<>(embedded.enhancedMethods());
            methods.addAll(authentication.enhancedMethods());
            BrokerComponent core = DaggerBrokerComponent.factory().create(config, clock, storage, cluster,
                    authentication.authenticator(), authorizer, new EnhancedAuthenticators(methods), events,
                    metrics.registry());
            publishPath.set(core.publisher());
            if (config.overload().enabled()) {
                adapters.add(new OverloadProtection(config.overload(), core, clock, metrics.registry()));
            }
            SysTopics sysTopics = sys.interval() > 0 ? new SysTopics(core, clock, sys.interval()) : null;
            BrokerGauges.register(metrics.registry(), core.engine(), core.sessions(), core.subscriptionIndex(),
                    core.retainedMessages(), core.connectionMeters());
            ListenerContext listenerContext = new ListenerContext(core.engine(),
                    ConnectionLimits.create(config.connectionLimits(), metrics.registry(), clock));
            List<NetworkListener> listeners = new ArrayList<>();
            for (Chosen<ListenerProvider<?>> chosen : config.listeners()) {
                listeners.add(listener(chosen, listenerContext));
            }
            BrokerReadiness readiness = new BrokerReadiness();
            readiness.storageWriter(core.storageWriter());
            // The admin API lists every listener, its own included: the list is completed below.
            List<NetworkListener> allListeners = new ArrayList<>(listeners);
            BrokerAdmin admin = BrokerAdmins.create(core, nodeName, storage.description(), allListeners,
                    Arrays.asList(authentication.lifecycle(), authorizer), clock);
            AdminContext context = new AdminContext(readiness, metrics.exposition(),
                    new ApiKeyFile(config.admin().apiKeyFile()), admin,
                    new InProcessWatches(core.engine(), clock));
            List<NetworkListener> adminListeners = new ArrayList<>();
            for (Chosen<AdminListenerProvider<?>> chosen : config.adminListeners()) {
                adminListeners.add(adminListener(chosen, context));
            }
            allListeners.addAll(adminListeners);
            return new BrokerLifecycle(storage, cluster, adapters, core, sysTopics, listeners, adminListeners,
                    readiness);
        } catch (RuntimeException e) {
            cluster.ifPresent(ClusterBackend::close);
            storage.close();
            throw e;
        }
    }

    /**
     * The broker events: the plug-ins' and the embedder's listeners behind one dispatcher (added to
     * {@code adapters} first, so that it stops last and sees the final disconnects), and the
     * {@code $SYS} client events, published through {@code publishPath} once the core exists.
     */
    private static BrokerEvents events(BrokerConfig config, String nodeName, EmbeddedAdapters embedded,
            MetricsBackend metrics, List<Lifecycle> adapters, Clock clock,
            AtomicReference<PublishService> publishPath) {
        List<BrokerEventListener> eventListeners = new ArrayList<>(embedded.eventListeners());
        for (Chosen<EventListenerProvider<?>> chosen : config.eventListeners()) {
            BrokerEventListener listener = eventListener(chosen);
            eventListeners.add(listener);
            addIfLifecycle(listener, adapters);
        }
        BrokerEvents events = BrokerEvents.NONE;
        if (!eventListeners.isEmpty()) {
            EventDispatcher dispatcher = new EventDispatcher(eventListeners, config.plugins().eventQueue(),
                    runnable -> daemon(runnable, "tern-events"), clock);
            adapters.add(0, new DispatcherLifecycle(dispatcher));
            events = dispatcher;
            BrokerGauges.registerEvents(metrics.registry(), dispatcher);
        }
        SysConfig sys = config.sys();
        if (sys.clientEvents() || sys.subscriptionEvents()) {
            events = BrokerEvents.both(events, new ClientEventsPublisher(nodeName,
                    sys.clientEvents(), sys.subscriptionEvents(), message -> publishPath.get().publish(message),
                    () -> sysReaders(publishPath.get())));
        }
        return events;
    }

    /** Whether a {@code $SYS} client event could reach anybody; nobody before the core exists. */
    private static boolean sysReaders(PublishService publishPath) {
        return publishPath != null && publishPath.brokerMessageMayReachAnyone("$SYS");
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void addIfLifecycle(Object adapter, List<Lifecycle> adapters) {
        if (adapter instanceof Lifecycle lifecycle) {
            adapters.add(lifecycle);
        }
    }

    // The casts below are safe: a Chosen's settings are an instance of its provider's settings type.

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Storage open(Chosen<StorageProvider<?>> chosen, Clock clock) {
        return ((StorageProvider) chosen.provider()).open(chosen.settings(), clock);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Authentication authentication(Chosen<AuthenticatorProvider<?>> chosen, Clock clock) {
        return ((AuthenticatorProvider) chosen.provider()).create(chosen.settings(), clock);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Authorizer authorizer(Chosen<AuthorizerProvider<?>> chosen) {
        return ((AuthorizerProvider) chosen.provider()).create(chosen.settings());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static BrokerEventListener eventListener(Chosen<EventListenerProvider<?>> chosen) {
        return ((EventListenerProvider) chosen.provider()).create(chosen.settings());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MetricsBackend metrics(Chosen<MetricsProvider<?>> chosen) {
        return ((MetricsProvider) chosen.provider()).create(chosen.settings());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static NetworkListener adminListener(Chosen<AdminListenerProvider<?>> chosen, AdminContext context) {
        return ((AdminListenerProvider) chosen.provider()).create("admin-" + chosen.name(), chosen.settings(),
                context);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static NetworkListener listener(Chosen<ListenerProvider<?>> chosen, ListenerContext context) {
        return ((ListenerProvider) chosen.provider()).create(chosen.name(), chosen.settings(), context);
    }
}
