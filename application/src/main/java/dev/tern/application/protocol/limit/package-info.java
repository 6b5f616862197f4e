/**
 * Per-client inbound rate limits: token buckets per connection, the rules that choose a client's
 * limits once at CONNECT, and pausing a connection's reading (for its own rate, or for the broker's
 * overload protection). Decided from this connection's state alone, hence part of the protocol
 * engine; nothing here reads another session.
 */
package dev.tern.application.protocol.limit;
