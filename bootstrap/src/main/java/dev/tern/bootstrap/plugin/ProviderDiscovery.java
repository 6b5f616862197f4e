package dev.tern.bootstrap.plugin;

import dev.tern.application.port.plugin.AdminListenerProvider;
import dev.tern.application.port.plugin.AuthenticatorProvider;
import dev.tern.application.port.plugin.AuthorizerProvider;
import dev.tern.application.port.plugin.EventListenerProvider;
import dev.tern.application.port.plugin.ListenerProvider;
import dev.tern.application.port.plugin.MetricsProvider;
import dev.tern.application.port.plugin.StorageProvider;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds providers with {@link ServiceLoader}: on the broker's class path, and in each jar of the
 * plug-ins directory, which gets a class loader of its own (its dependencies go inside it; the
 * broker's API classes come from the parent). A jar that cannot be read, or whose provider cannot
 * be loaded, stops the broker with a message naming the jar and the cause.
 *
 * <p>Threading: used once, on the starting thread.
 */
public final class ProviderDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderDiscovery.class);

    private ProviderDiscovery() {
    }

    /** The class path's providers and those of every {@code *.jar} in {@code pluginsDir} (absent is fine). */
    public static Providers discover(Path pluginsDir) {
        ClassLoader application = ProviderDiscovery.class.getClassLoader();
        Providers found = load(application, null);
        for (Path jar : jars(pluginsDir)) {
            found = found.plus(fromJar(jar, application));
        }
        return found;
    }

    /** The class path's providers only. */
    public static Providers onClassPath() {
        return load(ProviderDiscovery.class.getClassLoader(), null);
    }

    private static List<Path> jars(Path pluginsDir) {
        if (!Files.isDirectory(pluginsDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(pluginsDir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new PluginException("cannot list the plug-ins directory " + pluginsDir + ": " + e.getMessage(), e);
        }
    }

    private static Providers fromJar(Path jar, ClassLoader parent) {
        try (JarFile ignored = new JarFile(jar.toFile())) {
            // Opened only to refuse a damaged jar here, with its name, rather than later at class loading.
        } catch (IOException e) {
            throw new PluginException("plug-in " + jar + " is not a readable jar: " + e.getMessage(), e);
        }
        URL url;
        try {
            url = jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new PluginException("plug-in " + jar + " has no usable path: " + e.getMessage(), e);
        }
        // Stays open for the life of the process: the plug-in's classes are in use until the JVM exits.
        URLClassLoader loader = new URLClassLoader("plugin " + jar.getFileName(), new URL[] {url}, parent);
        try {
            Providers providers = load(loader, loader);
            LOG.info("plug-in {}: {}", jar.getFileName(), describe(providers));
            return providers;
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new PluginException("plug-in " + jar + " cannot be loaded: " + rootMessage(e), e);
        }
    }

    private static String describe(Providers providers) {
        List<String> parts = new ArrayList<>();
        providers.storage().forEach(p -> parts.add("storage " + p.name()));
        providers.listeners().forEach(p -> parts.add("listener " + p.name()));
        providers.authenticators().forEach(p -> parts.add("authenticator " + p.name()));
        providers.authorizers().forEach(p -> parts.add("authorizer " + p.name()));
        providers.eventListeners().forEach(p -> parts.add("event listener " + p.name()));
        providers.metrics().forEach(p -> parts.add("metrics " + p.name()));
        providers.adminListeners().forEach(p -> parts.add("admin listener " + p.name()));
        return parts.isEmpty() ? "no provider" : String.join(", ", parts);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause == e ? e.getMessage() : e.getMessage() + " (" + cause + ")";
    }

    /**
     * @param only when not null, keeps only providers this loader defined: a jar's loader also sees
     *             the class path's service files through its parent
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Providers load(ClassLoader loader, ClassLoader only) {
        return new Providers(
                (List) of(StorageProvider.class, loader, only),
                (List) of(ListenerProvider.class, loader, only),
                (List) of(AuthenticatorProvider.class, loader, only),
                (List) of(AuthorizerProvider.class, loader, only),
                (List) of(EventListenerProvider.class, loader, only),
                (List) of(MetricsProvider.class, loader, only),
                (List) of(AdminListenerProvider.class, loader, only));
    }

    private static <T> List<T> of(Class<T> kind, ClassLoader loader, ClassLoader only) {
        List<T> found = new ArrayList<>();
        for (ServiceLoader.Provider<T> provider : ServiceLoader.load(kind, loader).stream().toList()) {
            if (only == null || provider.type().getClassLoader() == only) {
                found.add(provider.get());
            }
        }
        return found;
    }
}
