package dev.tern.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.tern.application.port.out.Authenticator;
import dev.tern.application.port.out.Authorizer;

/**
 * Who may connect and what they may do. Until password files and ACLs exist, every client is
 * allowed, which is why the default listener binds to loopback only.
 */
@Module
interface SecurityModule {

    @Provides
    static Authenticator authenticator() {
        return Authenticator.ALLOW_ALL;
    }

    @Provides
    static Authorizer authorizer() {
        return Authorizer.ALLOW_ALL;
    }
}
