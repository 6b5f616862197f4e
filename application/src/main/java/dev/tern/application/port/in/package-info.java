/**
 * Ports the transports call into the broker through. Stable API
 * (see {@link dev.tern.application.port.StableApi}).
 */
@StableApi
package dev.tern.application.port.in;

import dev.tern.application.port.StableApi;
