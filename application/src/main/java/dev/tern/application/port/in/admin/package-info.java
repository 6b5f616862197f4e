/**
 * The broker as an administrator sees it: sessions, retained messages, publishing, the broker's
 * description and counts, the security files. Driven by admin listeners (the admin HTTP API).
 * Stable API (see {@link dev.tern.application.port.StableApi}).
 */
@StableApi
package dev.tern.application.port.in.admin;

import dev.tern.application.port.StableApi;
