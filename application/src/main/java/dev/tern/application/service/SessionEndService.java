package dev.tern.application.service;

import dev.tern.application.session.ClientSession;
import dev.tern.application.session.SessionRegistry;
import dev.tern.application.storage.StateRecorder;
import dev.tern.domain.delivery.Delivery;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.subscription.Subscription;
import dev.tern.domain.topic.TopicFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * Ends a session (4.1): removes it and its subscriptions, and hands the messages it still held
 * for shared subscriptions to the other members of their groups instead of losing them (4.8.2).
 *
 * <p>Threading: runs inside a task of the ending session's executor.
 */
public final class SessionEndService {

    private final SessionRegistry sessions;
    private final SubscribeService subscriptions;
    private final PublishService publisher;
    private final StateRecorder recorder;
    private final SessionEndHook hook;

    public SessionEndService(SessionRegistry sessions, SubscribeService subscriptions, PublishService publisher,
            StateRecorder recorder) {
        this(sessions, subscriptions, publisher, recorder, SessionEndHook.NONE);
    }

    /** @param hook hears each end once it is recorded (a cluster node gives the client id up) */
    public SessionEndService(SessionRegistry sessions, SubscribeService subscriptions, PublishService publisher,
            StateRecorder recorder, SessionEndHook hook) {
        this.hook = hook;
        this.sessions = sessions;
        this.recorder = recorder;
        this.subscriptions = subscriptions;
        this.publisher = publisher;
    }

    public void end(ClientSession session) {
        List<TopicFilter> shared = new ArrayList<>();
        for (Subscription s : session.state().subscriptions()) {
            if (s.filter().isShared()) {
                shared.add(s.filter());
            }
        }
        List<Delivery> held = shared.isEmpty() ? List.of() : heldDeliveries(session);
        session.end();
        recorder.sessionEnded(session);
        sessions.remove(session);
        subscriptions.removeAll(session);
        session.state().clearMessages();
        hook.ended(session.clientId());
        for (Delivery delivery : held) {
            ApplicationMessage message = delivery.message();
            for (TopicFilter filter : shared) {
                if (filter.matches(message.topic())) {
                    publisher.publishToShareGroup(filter, message);
                    break;
                }
            }
        }
    }

    /** Unacknowledged in-flight PUBLISHes first, then the queue: the order they would have gone in. */
    private static List<Delivery> heldDeliveries(ClientSession session) {
        List<Delivery> held = new ArrayList<>(session.state().inflight().clear());
        Delivery next;
        while ((next = session.state().queue().poll()) != null) {
            held.add(next);
        }
        return held;
    }
}
