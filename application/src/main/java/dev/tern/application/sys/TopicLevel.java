package dev.tern.application.sys;

import java.nio.charset.StandardCharsets;

/**
 * Turns a client id (or node name) into one safe topic level: {@code %}, {@code /}, {@code +},
 * {@code #}, control characters (U+0000 included) and lone surrogates are percent-encoded as
 * their UTF-8 bytes ({@code %2F} for {@code /}; a lone surrogate as U+FFFD, {@code %EF%BF%BD}).
 * Every other character is kept. Escaping {@code %} too keeps the mapping one to one: {@code a/b}
 * and {@code a%2Fb} give different levels. An empty id gives an empty level.
 */
final class TopicLevel {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final byte[] REPLACEMENT = "\uFFFD".getBytes(StandardCharsets.UTF_8);

    private TopicLevel() {
    }

    static String of(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            boolean unsafe = c == '%' || c == '/' || c == '+' || c == '#' || Character.isISOControl(c)
                    || (Character.isSurrogate(c) && !paired);
            if (unsafe && out == null) {
                out = new StringBuilder(value.length() + 8).append(value, 0, i);
            }
            if (out == null) {
                if (paired) {
                    i++;
                }
                continue;
            }
            if (unsafe) {
                byte[] bytes = Character.isSurrogate(c) ? REPLACEMENT
                        : String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                for (byte b : bytes) {
                    out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
                }
            } else if (paired) {
                out.append(c).append(value.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }
}
