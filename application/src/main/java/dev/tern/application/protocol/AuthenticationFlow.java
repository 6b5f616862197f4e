package dev.tern.application.protocol;

import dev.tern.application.port.out.AuthExchange;
import dev.tern.application.port.out.AuthStep;
import dev.tern.application.port.out.EnhancedAuthenticator;
import dev.tern.application.port.out.EnhancedAuthenticators;
import dev.tern.application.protocol.packet.Auth;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.ReasonCode;

/**
 * Re-authentication of a connected MQTT 5 client (4.12.1): an AUTH with reason 0x19 starts a new
 * exchange with the method of the CONNECT, further AUTHs (0x18) continue it.
 *
 * <p>Threading: confined to the connection's executor.
 */
final class AuthenticationFlow {

    /** What the connection does with an AUTH: send {@code reply}, or end with {@code disconnectCode}. */
    record Outcome(Auth reply, int disconnectCode, String problem) {
        static Outcome reply(Auth reply) {
            return new Outcome(reply, 0, null);
        }

        static Outcome disconnect(int code, String problem) {
            return new Outcome(null, code, problem);
        }
    }

    private final EnhancedAuthenticators authenticators;
    private final String method;
    private final String username;
    private AuthExchange reauthentication;

    AuthenticationFlow(EnhancedAuthenticators authenticators, String method, String username) {
        this.authenticators = authenticators;
        this.method = method;
        this.username = username;
    }

    Outcome onAuth(String clientId, Auth auth) {
        if (method == null) {
            return Outcome.disconnect(ReasonCode.PROTOCOL_ERROR, "AUTH without enhanced authentication");
        }
        if (!method.equals(auth.properties().string(PropertyId.AUTHENTICATION_METHOD))) {
            return Outcome.disconnect(ReasonCode.PROTOCOL_ERROR, "AUTH with another authentication method");
        }
        if (auth.reasonCode() == ReasonCode.RE_AUTHENTICATE) {
            EnhancedAuthenticator authenticator = authenticators.forMethod(method);
            reauthentication = authenticator.begin(clientId, username);
        } else if (auth.reasonCode() != ReasonCode.CONTINUE_AUTHENTICATION || reauthentication == null) {
            return Outcome.disconnect(ReasonCode.PROTOCOL_ERROR, "unexpected AUTH reason " + auth.reasonCode());
        }
        AuthStep step = reauthentication.step(auth.properties().binary(PropertyId.AUTHENTICATION_DATA));
        if (step instanceof AuthStep.Continue next) {
            return Outcome.reply(auth(ReasonCode.CONTINUE_AUTHENTICATION, next.serverData()));
        }
        reauthentication = null;
        if (step instanceof AuthStep.Success success) {
            return Outcome.reply(auth(ReasonCode.SUCCESS, success.serverData()));
        }
        AuthStep.Failure failure = (AuthStep.Failure) step;
        return Outcome.disconnect(failure.reasonCode(), "re-authentication failed: " + failure.reason());
    }

    private Auth auth(int reasonCode, byte[] data) {
        return ConnectFlow.auth(method, reasonCode, data);
    }
}
