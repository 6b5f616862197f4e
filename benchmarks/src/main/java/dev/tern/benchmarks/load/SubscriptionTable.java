package dev.tern.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The filters and topics of the sub-table scenario. Client {@code c}'s subscription {@code j} is,
 * by {@code j % 3}, an exact filter {@code P/c/j/e}, a single-level wildcard at the second level
 * {@code P/+/c/pj} (so that matching walks a {@code +} branch holding a third of the table), or a
 * multi-level wildcard {@code P/c/j/h/#}. Every matching topic matches exactly one subscription of
 * one client, so deliveries are counted exactly; the non-matching topics share long prefixes with
 * the subscriptions ({@code P/c/j/n}, {@code P/+/c/qj} shaped, clients that do not exist), so a
 * miss costs the matcher a walk, not a first-level lookup.
 *
 * <p>Threading: immutable.
 *
 * @param prefix     first topic level, unique per run
 * @param clients    subscribing clients
 * @param perClient  subscriptions per client
 */
record SubscriptionTable(String prefix, int clients, int perClient) {

    SubscriptionTable {
        if (prefix.isEmpty() || prefix.contains("/") || prefix.contains("+") || prefix.contains("#")) {
            throw new IllegalArgumentException("prefix must be one plain topic level: " + prefix);
        }
        if (clients < 1 || perClient < 1) {
            throw new IllegalArgumentException("clients and subscriptions per client must be positive");
        }
    }

    long subscriptions() {
        return (long) clients * perClient;
    }

    List<String> filters(int client) {
        List<String> filters = new ArrayList<>(perClient);
        for (int j = 0; j < perClient; j++) {
            filters.add(switch (j % 3) {
                case 0 -> prefix + "/" + client + "/" + j + "/e";
                case 1 -> prefix + "/+/" + client + "/p" + j;
                default -> prefix + "/" + client + "/" + j + "/h/#";
            });
        }
        return filters;
    }

    /** A topic that matches subscription {@code j} of {@code client} and nothing else. */
    String matching(int client, int j, int salt) {
        return switch (j % 3) {
            case 0 -> prefix + "/" + client + "/" + j + "/e";
            case 1 -> prefix + "/r" + salt + "/" + client + "/p" + j;
            default -> prefix + "/" + client + "/" + j + "/h/r" + salt;
        };
    }

    /** A topic near subscription {@code j} of {@code client} that matches no subscription. */
    String nonMatching(int client, int j, int salt) {
        return switch (salt % 3) {
            case 0 -> prefix + "/" + client + "/" + j + "/n";
            case 1 -> prefix + "/r" + salt + "/" + client + "/q" + j;
            default -> prefix + "/" + (clients + client) + "/" + j + "/e";
        };
    }

    /**
     * {@code count} topics drawn at random, about {@code matchPercent} % of them matching, and which
     * ones do.
     */
    Sample sample(long seed, int count, int matchPercent) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] topics = new String[count];
        boolean[] matching = new boolean[count];
        for (int i = 0; i < count; i++) {
            int client = random.nextInt(clients);
            int j = random.nextInt(perClient);
            int salt = random.nextInt(1_000_000);
            matching[i] = random.nextInt(100) < matchPercent;
            topics[i] = matching[i] ? matching(client, j, salt) : nonMatching(client, j, salt);
        }
        return new Sample(topics, matching);
    }

    /** Topics to publish to, in order, and whether each matches a subscription. */
    record Sample(String[] topics, boolean[] matching) {

        Sample {
            if (topics.length != matching.length || topics.length == 0) {
                throw new IllegalArgumentException("one flag per topic, at least one topic");
            }
        }

        /** Whether the message with this sequence number (sent to topic {@code sequence % size}) matches. */
        boolean matches(int sequence) {
            return matching[sequence % matching.length];
        }

        /** How many of the first {@code messages} sequence numbers match. */
        long matchingAmong(int messages) {
            long count = 0;
            for (int i = 0; i < messages; i++) {
                count += matches(i) ? 1 : 0;
            }
            return count;
        }
    }
}
