package dev.tern.application.port.in.admin;

import java.util.Optional;

/** Filters of the client listing; an empty one does not filter. */
public record ClientQuery(Optional<String> clientIdPrefix, Optional<String> username,
        Optional<String> addressPrefix, Optional<Boolean> connected) {

    public static final ClientQuery ALL = new ClientQuery(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    public ClientQuery {
        if (clientIdPrefix == null || username == null || addressPrefix == null || connected == null) {
            throw new IllegalArgumentException("use Optional.empty() for no filter");
        }
    }

    public boolean accepts(ClientSummary client) {
        return clientIdPrefix.map(client.clientId()::startsWith).orElse(true)
                && username.map(name -> name.equals(client.username())).orElse(true)
                && addressPrefix.map(prefix -> client.address() != null && client.address().startsWith(prefix))
                        .orElse(true)
                && connected.map(wanted -> wanted == client.connected()).orElse(true);
    }
}
