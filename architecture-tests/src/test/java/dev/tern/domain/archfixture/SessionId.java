package dev.tern.domain.archfixture;

/** Deliberately broken: an identifier written as a plain class. Only RulesBiteTest imports it. */
public final class SessionId {

    private final String value;

    public SessionId(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
