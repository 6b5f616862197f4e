package dev.tern.adapters.storage.redis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code redis-server} primary with one replica on free ports of 127.0.0.1, the replica in sync
 * once started, for tests of what waits for replicas; the replica can be paused (SIGSTOP) and
 * resumed. A test class starts one of its own, since a paused replica would stall other tests.
 *
 * <p>Threading: one thread at a time.
 */
final class ReplicatedRedis implements AutoCloseable {

    private final RedisProcess primary;
    private final RedisProcess replica;

    private ReplicatedRedis(RedisProcess primary, RedisProcess replica) {
        this.primary = primary;
        this.replica = replica;
    }

    static ReplicatedRedis start() {
        Path server = RedisServerExtension.Server.findOnPath("redis-server", System.getenv().getOrDefault("PATH", ""));
        RedisProcess primary = RedisProcess.start(server, RedisServerExtension.Server::primaryArguments);
        try {
            RedisProcess replica = RedisProcess.start(server, (port, directory) -> {
                List<String> arguments = new ArrayList<>(RedisServerExtension.Server.primaryArguments(port, directory));
                arguments.addAll(List.of("--replicaof", "127.0.0.1", Integer.toString(primary.port())));
                return arguments;
            });
            primary.awaitReply(Duration.ofSeconds(20), reply -> reply.toString().contains("state=online"),
                    "an online replica", "INFO", "replication");
            return new ReplicatedRedis(primary, replica);
        } catch (RuntimeException e) {
            primary.close();
            throw e;
        }
    }

    String primaryUrl() {
        return "redis://127.0.0.1:" + primary.port();
    }

    RespClient primary() {
        return primary.client();
    }

    RespClient replica() {
        return replica.client();
    }

    void pauseReplica() {
        replica.pause();
    }

    /**
     * Lets the replica go on and returns once it has confirmed everything the primary holds (its
     * acknowledged offset in the primary's INFO reached the primary's own): a test that then asks
     * for a replica's confirmation within a short bound measures the broker, not how soon a resumed
     * process is scheduled again on a loaded machine.
     */
    void resumeReplica() {
        replica.resume();
        primary.awaitReply(Duration.ofSeconds(20), reply -> caughtUp(reply.toString()), "the replica caught up",
                "INFO", "replication");
    }

    private static boolean caughtUp(String info) {
        Matcher own = Pattern.compile("master_repl_offset:(\\d+)").matcher(info);
        Matcher acknowledged = Pattern.compile("slave0:[^\\r\\n]*state=online,offset=(\\d+)").matcher(info);
        return own.find() && acknowledged.find()
                && Long.parseLong(acknowledged.group(1)) >= Long.parseLong(own.group(1));
    }

    @Override
    public void close() {
        replica.resume();
        replica.close();
        primary.close();
    }
}
