package dev.tern.application.sys;

/**
 * Writes one flat JSON object (RFC 8259), enough for the {@code $SYS} event bodies: string,
 * number, boolean and null members, strings escaped so that any Java string gives valid JSON.
 *
 * <p>Threading: one instance per object being written.
 */
final class Json {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out = new StringBuilder(256).append('{');
    private boolean first = true;

    Json string(String name, String value) {
        name(name);
        if (value == null) {
            out.append("null");
        } else {
            quote(value, out);
        }
        return this;
    }

    Json number(String name, long value) {
        name(name);
        out.append(value);
        return this;
    }

    Json bool(String name, boolean value) {
        name(name);
        out.append(value);
        return this;
    }

    @Override
    public String toString() {
        return out + "}";
    }

    private void name(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        quote(name, out);
        out.append(':');
    }

    /**
     * Appends {@code value} as a JSON string: quote, backslash and control characters escaped, and
     * lone surrogates (which UTF-8 cannot carry) as {@code \\u} escapes, so the result is valid UTF-8.
     */
    static void quote(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f || (Character.isSurrogate(c) && !pairedAt(value, i))) {
                        escape(c, out);
                    } else if (Character.isHighSurrogate(c)) {
                        out.append(c).append(value.charAt(++i));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Whether the surrogate at {@code i} is the high half of a valid pair. */
    private static boolean pairedAt(String value, int i) {
        return Character.isHighSurrogate(value.charAt(i)) && i + 1 < value.length()
                && Character.isLowSurrogate(value.charAt(i + 1));
    }

    private static void escape(char c, StringBuilder out) {
        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
                .append(HEX[c & 0xf]);
    }
}
