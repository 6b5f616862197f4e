/**
 * The rules of one kind of inbound packet, decided from the packet and the client's own state:
 * what CONNECT may ask for and what CONNACK grants ({@link
 * dev.tern.application.protocol.handler.ConnectNegotiator}), and the receiving side of PUBLISH
 * per QoS ({@link dev.tern.application.protocol.handler.InboundPublishHandler}: topic name,
 * Receive Maximum, payload format, publish rights, QoS 2 receipts, when to acknowledge).
 *
 * <p>The rule: a PUBLISH rule goes here if it judges the client's packet and its answer is an
 * acknowledgement or a disconnect for this client; it goes to {@code service} if it concerns where
 * the message goes (retain, matching, shared groups, delivery to other sessions). Handlers call
 * services; services never call handlers.
 */
package dev.tern.application.protocol.handler;
