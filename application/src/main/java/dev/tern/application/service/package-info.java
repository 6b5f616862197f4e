/**
 * Broker-wide behaviour across sessions: attaching a connection to its session and ending it
 * ({@link dev.tern.application.service.SessionAttachService},
 * {@link dev.tern.application.service.SessionEndService}), routing a message to every matching
 * session ({@link dev.tern.application.service.PublishService}), delivering to one session
 * ({@link dev.tern.application.service.DeliveryService}), subscriptions, wills and restoring
 * sessions at start-up.
 *
 * <p>The rule: a type belongs here if it reads or changes another session, the subscription
 * index, retained messages or storage, or if it must hold whichever connection (or none) the
 * session has now. A SUBSCRIBE is handled here whole: it changes the index and is followed by
 * retained messages. Services may read and build packets (SUBSCRIBE in, SUBACK and PUBLISH out, through the
 * session's {@link dev.tern.application.session.PacketSink}) but never call the connection or a
 * handler: a rule about a client's own PUBLISH or CONNECT belongs to {@code protocol.handler}.
 */
package dev.tern.application.service;
