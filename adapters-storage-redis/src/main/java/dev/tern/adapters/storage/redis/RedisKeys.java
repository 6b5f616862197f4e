package dev.tern.adapters.storage.redis;

/**
 * Every Redis key Tern uses, in one place. All keys start with a configurable prefix (default
 * {@code tern:}) so that several brokers or test runs can share one Redis database; keys that
 * belong to one client carry its id as a hash tag ({@code {clientId}}), so that in a Redis
 * Cluster all keys of one client live in one slot and can change together in one transaction.
 *
 * <table>
 * <caption>Key layout ({@code P} = prefix, {@code C} = client id)</caption>
 * <tr><th>Key</th><th>Type</th><th>Content</th></tr>
 * <tr><td>{@code P sessions}</td><td>set</td><td>client ids that have a stored session</td></tr>
 * <tr><td>{@code P session:{C}}</td><td>hash</td><td>{@code expiry} (seconds, decimal),
 *     {@code disconnectedAt} (epoch millis, decimal; -1 while connected), {@code will} (binary,
 *     absent when none)</td></tr>
 * <tr><td>{@code P subscribers}</td><td>set</td><td>client ids that have (or had) subscriptions</td></tr>
 * <tr><td>{@code P subs:{C}}</td><td>hash</td><td>filter text (with {@code $share/group/}) to binary options</td></tr>
 * <tr><td>{@code P subs-order:{C}}</td><td>sorted set</td><td>filter texts scored by the order first saved</td></tr>
 * <tr><td>{@code P retained}</td><td>hash</td><td>topic name to binary message</td></tr>
 * <tr><td>{@code P queue:{C}}</td><td>hash</td><td>sequence number (decimal) to binary delivery</td></tr>
 * <tr><td>{@code P inflight:{C}}</td><td>hash</td><td>packet id (decimal) to binary outbound flow</td></tr>
 * <tr><td>{@code P inflight-order:{C}}</td><td>sorted set</td><td>packet ids scored by the order first saved (resend order)</td></tr>
 * <tr><td>{@code P qos2:{C}}</td><td>set</td><td>packet ids of inbound QoS 2 messages received, PUBREL not yet</td></tr>
 * <tr><td>{@code P owner:{C}}</td><td>hash</td><td>cluster only: which node owns the client, with
 *     which epoch, sealed or not ({@link OwnerRecord})</td></tr>
 * <tr><td>{@code P cluster:{nodes}:lease:N}</td><td>string</td><td>cluster only: node N's lease (PX TTL)</td></tr>
 * <tr><td>{@code P cluster:{nodes}:members}</td><td>set</td><td>cluster only: nodes that joined and were not yet adopted</td></tr>
 * </table>
 *
 * <p>Binary values are described in {@link StoredValues}. The prefix may not contain braces: a
 * brace in it would turn the prefix into the hash tag and put every key in one slot. The same
 * layout is described for operators in {@code adapters-storage-redis/KEYS.md}.
 *
 * <p>In a Redis Cluster a client id that is empty or starts with <code>}</code> would make an empty
 * hash tag, which Redis ignores (it then hashes the whole key, scattering the client's keys over
 * several slots). For such an id, and only in cluster mode, the keys are
 * <code>P kind:{~}C~</code> instead: tag {@code ~}, and a last character other than <code>}</code>
 * so that no other client's key can have the same name. On one server and through Sentinel the
 * layout stays <code>P kind:{C}</code> for every id, as it always was.
 *
 * <p>Threading: immutable.
 */
final class RedisKeys {

    static final String DEFAULT_PREFIX = "tern:";

    /** The kind of the per-client session hashes, for {@link #scanPattern} and {@link #clientIdOf}. */
    static final String SESSION = "session";
    /** The kind of the per-client subscription hashes. */
    static final String SUBSCRIPTIONS = "subs";

    /** The kind of the per-client ownership records of a cluster of Tern nodes. */
    static final String OWNER = "owner";

    private static final String STAND_IN_TAG = "~";

    private final String prefix;
    private final boolean cluster;

    /** The layout on one server or through Sentinel. */
    RedisKeys(String prefix) {
        this(prefix, false);
    }

    /** @param cluster whether the keys live in a Redis Cluster, where a client's keys need a non-empty hash tag */
    RedisKeys(String prefix, boolean cluster) {
        if (prefix == null || prefix.indexOf('{') >= 0 || prefix.indexOf('}') >= 0) {
            throw new IllegalArgumentException("key prefix must not be null nor contain braces: " + prefix);
        }
        this.prefix = prefix;
        this.cluster = cluster;
    }

    String sessions() {
        return prefix + "sessions";
    }

    String session(String clientId) {
        return ofClient(SESSION, clientId);
    }

    String subscribers() {
        return prefix + "subscribers";
    }

    String subscriptions(String clientId) {
        return ofClient(SUBSCRIPTIONS, clientId);
    }

    String subscriptionOrder(String clientId) {
        return ofClient("subs-order", clientId);
    }

    String retained() {
        return prefix + "retained";
    }

    String queue(String clientId) {
        return ofClient("queue", clientId);
    }

    String inflight(String clientId) {
        return ofClient("inflight", clientId);
    }

    String inflightOrder(String clientId) {
        return ofClient("inflight-order", clientId);
    }

    String receipts(String clientId) {
        return ofClient("qos2", clientId);
    }

    /** Cluster only: the ids of the forwarded messages the client's session took, oldest first. */
    String forwardReceipts(String clientId) {
        return ofClient("forwarded", clientId);
    }

    /** The ownership record of a client in a cluster of Tern nodes, in the client's hash slot. */
    String owner(String clientId) {
        return ofClient(OWNER, clientId);
    }

    /**
     * A key of the node membership: {@code P cluster:{nodes}:NAME}. Every membership key shares the
     * hash tag {@code nodes}, so one Lua script can read and change leases and members together,
     * also on Redis Cluster.
     */
    String membership(String name) {
        return prefix + "cluster:{nodes}:" + name;
    }

    /**
     * A {@code SCAN MATCH} pattern for the keys of {@code kind} of every client: the prefix with
     * its glob characters escaped, so that it matches only itself.
     */
    String scanPattern(String kind) {
        String literal = prefix + kind + ":{";
        StringBuilder pattern = new StringBuilder(literal.length() + 2);
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if ("*?[]\\".indexOf(c) >= 0) {
                pattern.append('\\');
            }
            pattern.append(c);
        }
        return pattern.append('*').toString();
    }

    /** The client id a key of {@code kind} belongs to, or null if {@code key} is not such a key. */
    String clientIdOf(String kind, String key) {
        String start = prefix + kind + ":{";
        if (!key.startsWith(start)) {
            return null;
        }
        String rest = key.substring(start.length());
        String standIn = STAND_IN_TAG + "}";
        if (rest.endsWith("}")) {
            return rest.substring(0, rest.length() - 1);
        }
        if (cluster && rest.startsWith(standIn) && rest.endsWith(STAND_IN_TAG)
                && rest.length() >= standIn.length() + STAND_IN_TAG.length()) {
            return rest.substring(standIn.length(), rest.length() - STAND_IN_TAG.length());
        }
        return null;
    }

    /*
     * The client id goes last and whole, so a key names exactly one client even when the id itself
     * contains braces or colons; Redis takes the hash tag up to the first '}', which for an id
     * containing '}' is a prefix of the id, still the same for every key of that client.
     */
    private String ofClient(String kind, String clientId) {
        if (cluster && (clientId.isEmpty() || clientId.charAt(0) == '}')) {
            return prefix + kind + ":{" + STAND_IN_TAG + "}" + clientId + STAND_IN_TAG;
        }
        return prefix + kind + ":{" + clientId + "}";
    }
}
