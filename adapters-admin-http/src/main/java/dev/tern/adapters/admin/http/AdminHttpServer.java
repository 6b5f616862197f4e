package dev.tern.adapters.admin.http;

import dev.tern.application.port.plugin.NetworkListener;
import dev.tern.application.port.plugin.PemKeyStores;
import io.undertow.Undertow;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * One Undertow server for the admin endpoints: one I/O thread accepts and parses, requests run on
 * two worker threads of its own, so a slow scrape never touches an MQTT event loop.
 *
 * <p>Threading: start and stop from the lifecycle thread; address and port from any thread once started.
 */
final class AdminHttpServer implements NetworkListener {

    private static final int IO_THREADS = 1;
    private static final int WORKER_THREADS = 2;

    private final String name;
    private final AdminHttpProvider.Settings settings;
    private final AdminHandler handler;
    private volatile Undertow server;

    AdminHttpServer(String name, AdminHttpProvider.Settings settings, AdminHandler handler) {
        this.name = name;
        this.settings = settings;
        this.handler = handler;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() throws IOException {
        Undertow.Builder builder = Undertow.builder().setIoThreads(IO_THREADS).setWorkerThreads(WORKER_THREADS)
                .setHandler(handler);
        if (settings.certFile().isPresent()) {
            builder.addHttpsListener(settings.port(), settings.host(), sslContext());
        } else {
            builder.addHttpListener(settings.port(), settings.host());
        }
        Undertow built = builder.build();
        try {
            built.start();
        } catch (RuntimeException e) {
            throw new IOException("admin listener cannot listen on " + settings.host() + ":" + settings.port() + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
        server = built;
    }

    private SSLContext sslContext() throws IOException {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(PemKeyStores.load(settings.certFile().get(), settings.keyFile().get()), PemKeyStores.PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("admin listener: cannot use " + settings.keyFile().get() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String address() {
        return (settings.certFile().isPresent() ? "https://" : "http://") + settings.host() + ":" + port();
    }

    @Override
    public int port() {
        Undertow running = server;
        if (running == null) {
            return -1;
        }
        return ((InetSocketAddress) running.getListenerInfo().get(0).getAddress()).getPort();
    }

    @Override
    public void stop() {
        Undertow running = server;
        server = null;
        if (running != null) {
            running.stop();
        }
        handler.close();
    }
}
