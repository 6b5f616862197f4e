package dev.tern.bootstrap.security;

/** Parsing of the numeric fields of the password file's hash formats. */
final class Encoded {

    private Encoded() {
    }

    static int positiveInt(String text) {
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("iteration count is not a positive number: " + text);
    }
}
