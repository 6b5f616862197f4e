/**
 * In-process MQTT clients: a service inside the embedding application publishes and subscribes
 * through a connection that the protocol engine drives exactly as it drives a network one, only
 * with no socket under it. Routing, retained messages, authorization, flow control and QoS are
 * therefore a network client's. Entry point: {@code TernBroker.client(..)} in bootstrap.
 */
package dev.tern.application.embedded;
