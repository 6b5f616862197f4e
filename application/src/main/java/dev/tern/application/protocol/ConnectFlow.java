package dev.tern.application.protocol;

import dev.tern.application.port.out.AuthExchange;
import dev.tern.application.port.out.AuthResult;
import dev.tern.application.port.out.AuthStep;
import dev.tern.application.port.out.Authenticator;
import dev.tern.application.port.out.Credentials;
import dev.tern.application.port.out.EnhancedAuthenticator;
import dev.tern.application.port.out.EnhancedAuthenticators;
import dev.tern.application.protocol.handler.ConnectDecision;
import dev.tern.application.protocol.handler.ConnectNegotiator;
import dev.tern.application.protocol.packet.Auth;
import dev.tern.application.protocol.packet.Connect;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.ReasonCode;

/**
 * Settles a CONNECT: the broker's checks ({@link ConnectNegotiator}), then either the Authenticator (user name, password, TLS
 * identity) or, when the client names an Authentication Method, the AUTH exchange of that method
 * (4.12). Each call returns the next {@link ConnectStep}; the connection carries it out.
 *
 * <p>Threading: one per broker, shared by every connection: stateless apart from its collaborators,
 * which are broker-wide themselves; called on each connection's executor.
 */
final class ConnectFlow {

    private final ConnectNegotiator connectNegotiator;
    private final Authenticator authenticator;
    private final EnhancedAuthenticators enhancedAuthenticators;

    ConnectFlow(ConnectNegotiator connectNegotiator, Authenticator authenticator, EnhancedAuthenticators enhancedAuthenticators) {
        this.connectNegotiator = connectNegotiator;
        this.authenticator = authenticator;
        this.enhancedAuthenticators = enhancedAuthenticators;
    }

    ConnectStep start(Connect connect, String certificateIdentity, String remoteAddress) {
        ConnectDecision decision = connectNegotiator.decide(connect);
        if (decision instanceof ConnectDecision.Reject reject) {
            return new ConnectStep.Refuse(reject.reasonCode(), reject.reason(), reject.properties());
        }
        ConnectDecision.Accept accept = (ConnectDecision.Accept) decision;
        String clientId = accept.request().clientId();
        String method = connect.properties().string(PropertyId.AUTHENTICATION_METHOD);
        if (method == null) {
            Credentials credentials = new Credentials(clientId, connect.username(), connect.password(),
                    certificateIdentity, remoteAddress);
            return new ConnectStep.AwaitAuthenticator(accept, authenticator.authenticate(credentials));
        }
        EnhancedAuthenticator enhanced = enhancedAuthenticators.forMethod(method);
        if (enhanced == null) {
            return new ConnectStep.Refuse(ReasonCode.BAD_AUTHENTICATION_METHOD,
                    "unknown authentication method " + method, Properties.EMPTY);
        }
        AuthExchange exchange = enhanced.begin(clientId, connect.username());
        var authenticating = new ConnectionState.Authenticating(accept, method, exchange, connect.username());
        return next(authenticating, exchange.step(connect.properties().binary(PropertyId.AUTHENTICATION_DATA)));
    }

    /** The client's AUTH during CONNECT: it must continue the same method. */
    ConnectStep continueWith(ConnectionState.Authenticating authenticating, Auth auth) {
        if (auth.reasonCode() != ReasonCode.CONTINUE_AUTHENTICATION
                || !authenticating.method().equals(auth.properties().string(PropertyId.AUTHENTICATION_METHOD))) {
            return null;
        }
        return next(authenticating, authenticating.exchange().step(auth.properties().binary(PropertyId.AUTHENTICATION_DATA)));
    }

    /** The Authenticator's verdict; {@code failure} when it broke rather than answered. */
    ConnectStep authenticated(ConnectDecision.Accept accept, AuthResult result, Throwable failure, boolean v5) {
        if (failure != null) {
            return new ConnectStep.Refuse(v5 ? ReasonCode.SERVER_UNAVAILABLE : ReasonCode.V3_SERVER_UNAVAILABLE,
                    "authenticator failed: " + failure, Properties.EMPTY);
        }
        if (result instanceof AuthResult.Allowed allowed) {
            return new ConnectStep.Attach(accept, allowed.username(), Properties.EMPTY);
        }
        AuthResult.Refused refused = (AuthResult.Refused) result;
        return new ConnectStep.Refuse(v5 ? refused.reasonCode() : v3ReturnCode(refused.reasonCode()),
                "authentication refused: " + refused.reason(), Properties.EMPTY);
    }

    private static ConnectStep next(ConnectionState.Authenticating authenticating, AuthStep step) {
        if (step instanceof AuthStep.Continue challenge) {
            return new ConnectStep.Challenge(
                    auth(authenticating.method(), ReasonCode.CONTINUE_AUTHENTICATION, challenge.serverData()), authenticating);
        }
        if (step instanceof AuthStep.Success success) {
            return new ConnectStep.Attach(authenticating.accept(), authenticating.username(),
                    auth(authenticating.method(), ReasonCode.SUCCESS, success.serverData()).properties());
        }
        AuthStep.Failure failure = (AuthStep.Failure) step;
        return new ConnectStep.Refuse(failure.reasonCode(), "authentication failed: " + failure.reason(), Properties.EMPTY);
    }

    static Auth auth(String method, int reasonCode, byte[] data) {
        return new Auth(reasonCode, Properties.builder()
                .string(PropertyId.AUTHENTICATION_METHOD, method)
                .binary(PropertyId.AUTHENTICATION_DATA, data)
                .build());
    }

    /** 3.1.1 has two refusal codes: 0x04 bad user name or password, 0x05 not authorized. */
    private static int v3ReturnCode(int v5ReasonCode) {
        return v5ReasonCode == ReasonCode.BAD_USER_NAME_OR_PASSWORD
                ? ReasonCode.V3_BAD_USER_NAME_OR_PASSWORD : ReasonCode.V3_NOT_AUTHORIZED;
    }
}
