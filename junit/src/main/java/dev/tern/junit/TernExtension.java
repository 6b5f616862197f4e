package dev.tern.junit;

import dev.tern.application.embedded.InProcessClient;
import dev.tern.application.port.out.Authenticator;
import dev.tern.application.port.out.Authorizer;
import dev.tern.application.port.out.BrokerEventListener;
import dev.tern.application.port.out.Storage;
import dev.tern.bootstrap.Tern;
import dev.tern.bootstrap.TernBroker;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A Tern broker for a JUnit 5 test class, started with {@link Tern#builder()}'s defaults (memory
 * storage, listeners on free loopback ports):
 *
 * <pre>{@code
 * @RegisterExtension
 * static TernExtension tern = TernExtension.perClass().set("mqtt.max-inflight", "8");
 *
 * @Test
 * void publishes(@TernPort int port) { ... tern.broker() ... }
 * }</pre>
 *
 * <p>{@link #perClass()} starts one broker before all tests of the class and closes it after them
 * (register it on a static field); {@link #perTest()} starts a fresh one before each test and
 * closes it after, so no retained message or session survives into the next test. Settings and
 * adapters are applied to a new builder at every start; an adapter that the broker closes, such
 * as storage, is therefore given as a supplier.
 *
 * <p>Threading: configure it before the tests run; JUnit's callbacks then run on one thread at a
 * time for a class, and {@link #broker()} may be read from any thread. Tests of one class running
 * in parallel share a per-class broker, and must not use a per-test one.
 */
public final class TernExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private final boolean perClass;
    private final List<Consumer<Tern.Builder>> configuration = new ArrayList<>();
    private volatile TernBroker broker;

    private TernExtension(boolean perClass) {
        this.perClass = perClass;
    }

    /** One broker for all tests of the class. */
    public static TernExtension perClass() {
        return new TernExtension(true);
    }

    /** A fresh broker for each test. */
    public static TernExtension perTest() {
        return new TernExtension(false);
    }

    /** One setting, by the command line's key; see {@link Tern.Builder#set}. */
    public TernExtension set(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        return configure(builder -> builder.set(key, value));
    }

    /** Storage opened anew for each broker: the broker closes it when it stops. */
    public TernExtension storage(Supplier<Storage> storage) {
        Objects.requireNonNull(storage, "storage");
        return configure(builder -> builder.storage(storage.get()));
    }

    public TernExtension authenticator(Authenticator authenticator) {
        Objects.requireNonNull(authenticator, "authenticator");
        return configure(builder -> builder.authenticator(authenticator));
    }

    public TernExtension authorizer(Authorizer authorizer) {
        Objects.requireNonNull(authorizer, "authorizer");
        return configure(builder -> builder.authorizer(authorizer));
    }

    public TernExtension eventListener(BrokerEventListener listener) {
        Objects.requireNonNull(listener, "listener");
        return configure(builder -> builder.eventListener(listener));
    }

    /** Anything else the builder offers. */
    public TernExtension configure(Consumer<Tern.Builder> step) {
        configuration.add(Objects.requireNonNull(step, "step"));
        return this;
    }

    /** The running broker. */
    public TernBroker broker() {
        TernBroker running = broker;
        if (running == null) {
            throw new IllegalStateException("no broker running: "
                    + (perClass ? "is the per-class TernExtension on a static field?" : "outside a test"));
        }
        return running;
    }

    /** The TCP listener's port. */
    public int port() {
        return port("tcp");
    }

    /** The port of the named listener ({@code tcp}, {@code websocket}, ...). */
    public int port(String listenerName) {
        return broker().port(listenerName);
    }

    /** An in-process client of the running broker; see {@link TernBroker#client(String)}. */
    public InProcessClient client(String clientId) {
        return broker().client(clientId);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (perClass) {
            start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (perClass) {
            stop();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (!perClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.isAnnotated(TernPort.class) && parameter.getParameter().getType() == int.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String listener = parameter.findAnnotation(TernPort.class).map(TernPort::value).orElse("tcp");
        try {
            return port(listener);
        } catch (IllegalStateException e) {
            throw new ParameterResolutionException("no port for @TernPort(\"" + listener + "\"): " + e.getMessage(), e);
        }
    }

    private void start() throws IOException {
        Tern.Builder builder = Tern.builder();
        configuration.forEach(step -> step.accept(builder));
        broker = builder.start();
    }

    private void stop() {
        TernBroker running = broker;
        broker = null;
        if (running != null) {
            running.close();
        }
    }
}
