package dev.tern.bootstrap.config;

/** Whether the TLS listener asks clients for a certificate. */
public enum TlsClientAuth implements ConfigChoice {
    /** No client certificate is requested. */
    NONE("none"),
    /** A certificate is requested and verified when sent; clients without one still connect. */
    OPTIONAL("optional"),
    /** Mutual TLS: a valid client certificate is required. */
    REQUIRED("required");

    private final String configName;

    TlsClientAuth(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
