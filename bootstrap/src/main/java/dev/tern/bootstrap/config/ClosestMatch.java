package dev.tern.bootstrap.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Suggests the known name a mistyped one was probably meant to be. */
final class ClosestMatch {

    private ClosestMatch() {
    }

    /**
     * The candidate within a few edits of {@code name}, or one that ends with it (a key given
     * without its section, such as {@code tcp.port}).
     */
    static Optional<String> in(Collection<String> candidates, String name) {
        Optional<String> bySuffix = candidates.stream().filter(candidate -> candidate.endsWith("." + name)).findFirst();
        if (bySuffix.isPresent()) {
            return bySuffix;
        }
        int tolerance = Math.max(2, name.length() / 4);
        return candidates.stream()
                .filter(candidate -> distance(candidate, name) <= tolerance)
                .min(Comparator.comparingInt(candidate -> distance(candidate, name)));
    }

    /** Levenshtein distance, two rows at a time. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
