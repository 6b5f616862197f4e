package dev.tern.bootstrap.security;

/** What an ACL rule grants on the topics its filter matches; {@link #DENY} overrides any grant. */
public enum AclAccess {
    READ, WRITE, READWRITE, DENY;

    boolean allowsRead() {
        return this == READ || this == READWRITE;
    }

    boolean allowsWrite() {
        return this == WRITE || this == READWRITE;
    }
}
