package dev.tern.application.port.out;

import java.util.concurrent.CompletionStage;

/**
 * Decides whether a client may connect, from its user name and password or its TLS client
 * certificate. Asynchronous, because checking a slow password hash, a directory or a remote
 * service must not block an event loop: an implementation does such work on its own threads.
 *
 * <p>Threading: called on the connection's event loop; the stage may complete on any thread.
 */
public interface Authenticator {

    /** Lets every client in, as the user name it gave. */
    Authenticator ALLOW_ALL = credentials ->
            java.util.concurrent.CompletableFuture.completedFuture(new AuthResult.Allowed(credentials.username()));

    CompletionStage<AuthResult> authenticate(Credentials credentials);
}
