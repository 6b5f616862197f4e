/**
 * Logging help that adapters share with the core: {@link dev.tern.application.logging.LogThrottle}
 * keeps a line that a hostile or broken peer can repeat at will (a refused connection, an
 * unreadable frame) to one per interval plus a count. Stable API, so that a transport plug-in can
 * bound its own log volume the way Tern's listeners do.
 */
@StableApi
package dev.tern.application.logging;

import dev.tern.application.port.StableApi;
