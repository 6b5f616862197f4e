package dev.tern.application.embedded;

/**
 * The broker answered an in-process client's request with a failure reason code (0x80 or above):
 * a refused CONNECT, PUBLISH (PUBACK or PUBREC) or SUBSCRIBE (SUBACK).
 */
public final class RefusedByBrokerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int reasonCode;

    public RefusedByBrokerException(String request, int reasonCode, String reasonString) {
        super(request + " refused with reason code 0x" + Integer.toHexString(reasonCode)
                + (reasonString == null ? "" : ": " + reasonString));
        this.reasonCode = reasonCode;
    }

    /** The MQTT 5 reason code, e.g. 0x87 Not authorized. */
    public int reasonCode() {
        return reasonCode;
    }
}
