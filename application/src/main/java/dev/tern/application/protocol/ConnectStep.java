package dev.tern.application.protocol;

import dev.tern.application.port.out.AuthResult;
import dev.tern.application.protocol.handler.ConnectDecision;
import dev.tern.application.protocol.packet.Auth;
import dev.tern.application.protocol.packet.Properties;
import java.util.concurrent.CompletionStage;

/** What the connection does next while a CONNECT is being settled (3.1, 4.12). */
sealed interface ConnectStep {

    /** Answer CONNACK with this code and close. */
    record Refuse(int reasonCode, String reason, Properties properties) implements ConnectStep {
    }

    /** Send an AUTH challenge and wait for the client's answer in {@code next}. */
    record Challenge(Auth auth, ConnectionState.Authenticating next) implements ConnectStep {
    }

    /** Wait for the Authenticator, which may work on another thread. */
    record AwaitAuthenticator(ConnectDecision.Accept accept, CompletionStage<AuthResult> verdict) implements ConnectStep {
    }

    /** Authenticated as {@code username}: attach the session; {@code authProperties} go into CONNACK. */
    record Attach(ConnectDecision.Accept accept, String username, Properties authProperties) implements ConnectStep {
    }
}
