/**
 * The plug-in points of Tern: what a jar on the class path or in the {@code plugins} directory
 * implements to add a storage backend, a listener (transport), an authenticator, an authorizer or
 * a broker event listener. Each kind has one provider interface, found with
 * {@link java.util.ServiceLoader}; a provider names itself, declares its settings as a record
 * whose components carry {@link dev.tern.application.port.plugin.Setting}, and builds its adapter
 * from them. The built-in adapters are found the same way.
 *
 * <p>Stable API: this package, {@code dev.tern.application.port.in}, {@code
 * dev.tern.application.port.out} and the domain model are what plug-ins may use; everything else
 * is internal and may change between versions.
 */
@StableApi
package dev.tern.application.port.plugin;

import dev.tern.application.port.StableApi;
