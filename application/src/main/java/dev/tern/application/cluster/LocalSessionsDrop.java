package dev.tern.application.cluster;

import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.session.ClientSession;
import dev.tern.application.session.PacketSink;
import dev.tern.application.session.SessionRegistry;

/**
 * Drops every session of this node after its lease was lost: another node may own them now, so
 * nothing is written and no will fires here (the adopter fires them). Each connected client is
 * closed as the broker closes them when it stops (MQTT 5: DISCONNECT 0x8B) and may reconnect.
 *
 * <p>Threading: {@link #dropAll} may be called from any thread; each session is dropped in a task
 * of its own executor.
 */
final class LocalSessionsDrop {

    private final SessionRegistry sessions;
    private final LocalSessionRemoval removal;

    LocalSessionsDrop(SessionRegistry sessions, LocalSessionRemoval removal) {
        this.sessions = sessions;
        this.removal = removal;
    }

    void dropAll() {
        for (ClientSession session : sessions.all()) {
            session.executor().execute(() -> drop(session));
        }
    }

    private void drop(ClientSession session) {
        if (session.isEnded()) {
            return;
        }
        PacketSink connection = session.connection();
        // Forgotten, not fired: the stored record still has it for whoever adopts the session.
        session.takePendingWill();
        removal.remove(session);
        if (connection != null) {
            connection.abort(ReasonCode.SERVER_SHUTTING_DOWN, "cluster lease lost");
        }
    }
}
