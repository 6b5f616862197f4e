/**
 * Ports the broker calls out through: stores, security and extensions. Stable API
 * (see {@link dev.tern.application.port.StableApi}).
 */
@StableApi
package dev.tern.application.port.out;

import dev.tern.application.port.StableApi;
