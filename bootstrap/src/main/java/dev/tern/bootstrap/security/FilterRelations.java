package dev.tern.bootstrap.security;

import dev.tern.domain.topic.TopicFilter;

/**
 * How two topic filters relate as sets of topic names, which subscribing needs: a subscription is
 * granted when a read rule covers all it can match, and refused when a deny rule covers it whole
 * or, in strict mode, shares any topic with it (see {@link WildcardSubscriptions}). Both respect
 * the rule that a leading wildcard does not match a topic starting with {@code $} [MQTT-4.7.2-1].
 *
 * <p>Threading: stateless.
 */
final class FilterRelations {

    private FilterRelations() {
    }

    /** Whether every topic {@code inner} matches is also matched by {@code outer}. */
    static boolean covers(TopicFilter outer, TopicFilter inner) {
        String[] r = outer.levels();
        String[] f = inner.levels();
        if (isWildcard(r[0]) && f[0].startsWith("$")) {
            return false;
        }
        for (int i = 0; ; i++) {
            if (i == r.length) {
                return i == f.length;
            }
            if (r[i].equals("#")) {
                return true;
            }
            if (i == f.length || f[i].equals("#")) {
                return false;
            }
            if (!r[i].equals("+") && !r[i].equals(f[i])) {
                return false;
            }
        }
    }

    /** Whether some topic is matched by both filters. */
    static boolean intersect(TopicFilter first, TopicFilter second) {
        String[] a = first.levels();
        String[] b = second.levels();
        if ((isWildcard(a[0]) && b[0].startsWith("$")) || (isWildcard(b[0]) && a[0].startsWith("$"))) {
            return false;
        }
        for (int i = 0; ; i++) {
            boolean aDone = i == a.length;
            boolean bDone = i == b.length;
            if (aDone || bDone) {
                // "sport/#" also matches "sport" [MQTT-4.7.1-2].
                return aDone && bDone || aDone && endsWithHashAt(b, i) || bDone && endsWithHashAt(a, i);
            }
            if (a[i].equals("#") || b[i].equals("#")) {
                return true;
            }
            if (!a[i].equals("+") && !b[i].equals("+") && !a[i].equals(b[i])) {
                return false;
            }
        }
    }

    private static boolean endsWithHashAt(String[] levels, int index) {
        return levels.length == index + 1 && levels[index].equals("#");
    }

    private static boolean isWildcard(String level) {
        return level.equals("+") || level.equals("#");
    }
}
