package dev.tern.adapters.storage.redis;

import dev.tern.application.port.cluster.RouteListener;
import dev.tern.application.port.cluster.RouteTable;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redisson.api.RScript;
import org.redisson.api.RScript.Mode;
import org.redisson.api.RScript.ReturnType;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster route table in Redis ({@link RoutingKeys}): a set of filters per node plus the set
 * of nodes that have any, all under one hash tag, changed by Lua scripts that also publish each
 * change on {@code P cluster:route-changes} in the same atomic step. A change is published only
 * when it changed something, and the script runs on the one primary holding the table, so the
 * changes of one node reach every subscriber in the order that node made them (its calls block
 * until done). Plain pub/sub (not sharded): route changes are rare and every node needs them.
 *
 * <p>{@link #listen} reports changes of every node but this one, including a departed node's
 * removal made by this node as its adopter (the adopter has to drop those routes as well); when
 * Redisson re-establishes the pub/sub connection, the listener hears {@code resync()} (changes
 * published while it was down are lost).
 *
 * <p>Threading: thread-safe; {@link #add}, {@link #remove}, {@link #removeNode} and
 * {@link #snapshot} block for one round trip (call them on a cluster thread); listener callbacks
 * come on Redisson's pub/sub threads, in order.
 */
final class RedisRouteTable implements RouteTable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisRouteTable.class);

    /** KEYS: node set, node's filters; ARGV: filter, node, channel, change. */
    private static final String ADD = """
            if redis.call('SADD', KEYS[2], ARGV[1]) == 1 then
              redis.call('SADD', KEYS[1], ARGV[2])
              redis.call('PUBLISH', ARGV[3], ARGV[4])
              return 1
            end
            return 0""";

    /** KEYS: node set, node's filters; ARGV: filter, node, channel, change. */
    private static final String REMOVE = """
            if redis.call('SREM', KEYS[2], ARGV[1]) == 1 then
              if redis.call('SCARD', KEYS[2]) == 0 then redis.call('SREM', KEYS[1], ARGV[2]) end
              redis.call('PUBLISH', ARGV[3], ARGV[4])
              return 1
            end
            return 0""";

    /** KEYS: node set, node's filters; ARGV: node, channel, change. */
    private static final String REMOVE_NODE = """
            redis.call('DEL', KEYS[2])
            redis.call('SREM', KEYS[1], ARGV[1])
            redis.call('PUBLISH', ARGV[2], ARGV[3])
            return 1""";

    /**
     * KEYS: node set; ARGV: the name of a node's filter set without the node id. Returns node,
     * filter, node, filter... The filter sets are not declared keys, but share the node set's
     * hash tag, so they live in the same slot, which a Redis Cluster allows.
     */
    private static final String SNAPSHOT = """
            local out = {}
            for _, node in ipairs(redis.call('SMEMBERS', KEYS[1])) do
              for _, filter in ipairs(redis.call('SMEMBERS', ARGV[1] .. node)) do
                out[#out + 1] = node
                out[#out + 1] = filter
              end
            end
            return out""";

    private final RoutingKeys keys;
    private final String nodeId;
    private final RScript script;
    private final RTopic changes;

    RedisRouteTable(RedissonClient redisson, RoutingKeys keys, String nodeId) {
        this.keys = keys;
        this.nodeId = nodeId;
        this.script = redisson.getScript(Codecs.BYTES);
        this.changes = redisson.getTopic(keys.routeChanges(), Codecs.BYTES);
    }

    @Override
    public void add(String filter) {
        change(ADD, new RouteChange(RouteChange.Kind.ADDED, nodeId, filter));
    }

    @Override
    public void remove(String filter) {
        change(REMOVE, new RouteChange(RouteChange.Kind.REMOVED, nodeId, filter));
    }

    private void change(String source, RouteChange change) {
        script.eval(keys.routeNodes(), Mode.READ_WRITE, source, ReturnType.LONG, List.of(keys.routeNodes(), keys.routes(nodeId)),
                bytes(change.filter()), bytes(nodeId), bytes(keys.routeChanges()), change.toBytes());
    }

    @Override
    public Map<String, Set<String>> snapshot() {
        List<Object> flat = script.eval(keys.routeNodes(), Mode.READ_ONLY, SNAPSHOT, ReturnType.LIST,
                List.of(keys.routeNodes()), bytes(keys.routes("")));
        Map<String, Set<String>> routes = new HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            routes.computeIfAbsent(text(flat.get(i)), node -> new HashSet<>()).add(text(flat.get(i + 1)));
        }
        return routes;
    }

    @Override
    public void removeNode(String departed) {
        script.eval(keys.routeNodes(), Mode.READ_WRITE, REMOVE_NODE, ReturnType.LONG, List.of(keys.routeNodes(), keys.routes(departed)),
                bytes(departed), bytes(keys.routeChanges()),
                new RouteChange(RouteChange.Kind.NODE_REMOVED, departed, null).toBytes());
    }

    /** Starts reporting; call once. The status listener goes first so that it sees the first subscribe. */
    @Override
    public void listen(RouteListener listener) {
        changes.addListener(new ResubscribeListener(listener::resync));
        changes.addListener(byte[].class, (channel, message) -> hear(listener, message));
    }

    private void hear(RouteListener listener, byte[] message) {
        RouteChange change;
        try {
            change = RouteChange.of(message, keys.routeChanges());
        } catch (RuntimeException e) {
            LOG.warn("Ignoring an unreadable route change on {}: {}", keys.routeChanges(), e.getMessage());
            return;
        }
        if (!change.nodeId().equals(nodeId)) {
            change.tell(listener);
        }
    }

    /** Stops listening; the routes stay (they go with {@link #removeNode} by an adopter). */
    @Override
    public void close() {
        changes.removeAllListeners();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Object value) {
        return new String((byte[]) value, StandardCharsets.UTF_8);
    }
}
