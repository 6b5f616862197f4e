/**
 * The protocol engine for one network connection: framing and decoding, the connection state
 * machine (CONNECT first and once, enhanced authentication, pipelining limit, closed), keep alive,
 * topic aliases, dispatch of each packet, and every decision to disconnect with a reason code.
 *
 * <p>The rule: a type belongs here, or in {@code protocol.handler}, if what it decides follows
 * from the packet and this connection's state alone, or if its outcome is "answer this client" or
 * "close this connection". Here go the engine itself and the steps of the connection's life
 * (connecting, authenticating); the rules of one kind of packet go to {@code protocol.handler}.
 * Behaviour that reads or changes another session, the subscription index, retained messages or
 * storage belongs to {@code service}.
 */
package dev.tern.application.protocol;
