package dev.tern.bootstrap;

import dagger.BindsInstance;
import dagger.Component;
import dev.tern.application.port.out.EnhancedAuthenticators;
import dev.tern.bootstrap.config.BrokerConfig;
import java.time.Clock;
import javax.inject.Named;
import javax.inject.Singleton;

/** The whole broker, built from its configuration and a clock. */
@Singleton
@Component(modules = {EngineModule.class, SecurityModule.class, StorageModule.class, TcpModule.class,
        TlsModule.class, WebSocketModule.class})
interface BrokerComponent {

    BrokerLifecycle lifecycle();

    @Component.Factory
    interface Factory {
        BrokerComponent create(@BindsInstance BrokerConfig config, @BindsInstance Clock clock,
                @BindsInstance @Named("embedded") EnhancedAuthenticators authenticators);
    }
}
