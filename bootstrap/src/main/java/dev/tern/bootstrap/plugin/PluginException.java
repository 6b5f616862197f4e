package dev.tern.bootstrap.plugin;

/** A plug-in or provider cannot be used; the message names it and says why, for the operator. */
public final class PluginException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
