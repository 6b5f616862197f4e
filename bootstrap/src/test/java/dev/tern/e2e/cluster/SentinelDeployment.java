package dev.tern.e2e.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Sentinel-managed Redis on free loopback ports: a {@code redis-server} primary, two replicas of
 * it and one {@code redis-sentinel} watching them as master {@value #MASTER}, quick to act
 * ({@code down-after-milliseconds} 1000), and the Redisson YAML file ({@code sentinelServersConfig})
 * the nodes connect with. Two replicas, so that after a failover the new primary still has one to
 * confirm writes ({@code storage.redis.wait-replicas 1}). Nothing is persisted: what survives a
 * failover is what a replica held.
 *
 * <p>Threading: used by the test's thread.
 */
final class SentinelDeployment implements RedisDeployment {

    static final String MASTER = "tern";
    private static final int REPLICAS = 2;

    private final List<Process> servers;
    private final List<Integer> ports;
    private final Process sentinel;
    private final int sentinelPort;
    private final Path redissonConfig;

    private SentinelDeployment(List<Process> servers, List<Integer> ports, Process sentinel, int sentinelPort,
                               Path redissonConfig) {
        this.servers = servers;
        this.ports = ports;
        this.sentinel = sentinel;
        this.sentinelPort = sentinelPort;
        this.redissonConfig = redissonConfig;
    }

    static SentinelDeployment start(Path dir) throws IOException, InterruptedException {
        List<Process> processes = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i <= REPLICAS; i++) {
                int port = LoopbackPorts.free();
                List<String> command = new ArrayList<>(List.of(RedisCli.executable("redis-server"),
                        "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                        "--dir", Files.createDirectories(dir.resolve("redis-" + i)).toString()));
                if (i > 0) {
                    command.addAll(List.of("--replicaof", "127.0.0.1", Integer.toString(ports.get(0))));
                }
                processes.add(launch(command, dir.resolve("redis-" + i + ".log")));
                ports.add(port);
                RedisCli.awaitReply(port, "PONG", Duration.ofSeconds(10), "PING");
            }
            RedisCli.awaitReply(ports.get(0), "connected_slaves:" + REPLICAS, Duration.ofSeconds(20), "INFO", "replication");
            // Connected is not synchronised: a replica still loading the primary's snapshot confirms
            // no WAIT, and the nodes (wait-replicas 1) would fail their first write at start.
            for (int replica : ports.subList(1, ports.size())) {
                RedisCli.awaitReply(replica, "master_link_status:up", Duration.ofSeconds(20), "INFO", "replication");
            }
            int sentinelPort = LoopbackPorts.free();
            Path conf = Files.writeString(Files.createDirectories(dir.resolve("sentinel")).resolve("sentinel.conf"),
                    sentinelConf(sentinelPort, dir.resolve("sentinel"), ports.get(0)), StandardCharsets.UTF_8);
            Process sentinel = launch(List.of(RedisCli.executable("redis-sentinel"), conf.toString()),
                    dir.resolve("sentinel.log"));
            processes.add(sentinel);
            // A failover needs the sentinel to know the replicas (it learns them from the primary's INFO).
            RedisCli.awaitReply(sentinelPort, "num-slaves\n" + REPLICAS, Duration.ofSeconds(30),
                    "SENTINEL", "MASTER", MASTER);
            processes.remove(sentinel);
            return new SentinelDeployment(processes, ports, sentinel, sentinelPort,
                    writeRedissonConfig(dir, sentinelPort));
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            processes.forEach(Process::destroyForcibly);
            throw e;
        }
    }

    private static Process launch(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String sentinelConf(int port, Path dir, int primaryPort) {
        return "port " + port + "\n"
                + "bind 127.0.0.1\n"
                + "dir " + dir + "\n"
                + "sentinel monitor " + MASTER + " 127.0.0.1 " + primaryPort + " 1\n"
                + "sentinel down-after-milliseconds " + MASTER + " 1000\n"
                + "sentinel failover-timeout " + MASTER + " 10000\n"
                + "sentinel parallel-syncs " + MASTER + " " + REPLICAS + "\n";
    }

    private static Path writeRedissonConfig(Path dir, int sentinelPort) throws IOException {
        // One sentinel only: Redisson would otherwise insist on discovering others.
        String yaml = "sentinelServersConfig:\n"
                + "  masterName: " + MASTER + "\n"
                + "  sentinelAddresses:\n"
                + "    - \"redis://127.0.0.1:" + sentinelPort + "\"\n"
                + "  checkSentinelsList: false\n"
                + "  timeout: 3000\n"
                + "  connectTimeout: 3000\n";
        return Files.writeString(dir.resolve("redisson.yaml"), yaml, StandardCharsets.UTF_8);
    }

    /** The port of the server the sentinel names as primary now. */
    int primaryPort() throws IOException, InterruptedException {
        String[] reply = RedisCli.call(sentinelPort, "SENTINEL", "get-master-addr-by-name", MASTER).trim().split("\n");
        return Integer.parseInt(reply[reply.length - 1].trim());
    }

    /** {@code kill -9} of the server that is primary now; returns its port. */
    int killPrimary() throws IOException, InterruptedException {
        int primary = primaryPort();
        Process process = servers.get(ports.indexOf(primary));
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the primary on port " + primary + " did not die");
        }
        return primary;
    }

    /** Waits until the sentinel names a primary other than {@code former}, and it answers as one. */
    void awaitFailoverFrom(int former, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int primary = former;
        while (primary == former && System.nanoTime() < deadline) {
            Thread.sleep(100);
            primary = primaryPort();
        }
        if (primary == former) {
            throw new AssertionError("the sentinel did not promote a replica within " + timeout);
        }
        RedisCli.awaitReply(primary, "role:master", Duration.ofSeconds(10), "INFO", "replication");
    }

    @Override
    public List<String> storageSettings() {
        return List.of("storage.backend=redis", "storage.redis.redisson-config=" + redissonConfig);
    }

    @Override
    public String description() {
        return "Sentinel on port " + sentinelPort + " over redis-server on ports " + ports;
    }

    @Override
    public void close() throws InterruptedException {
        sentinel.destroy();
        servers.forEach(Process::destroy);
        for (Process process : servers) {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (!sentinel.waitFor(10, TimeUnit.SECONDS)) {
            sentinel.destroyForcibly();
        }
    }
}
