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
 * A Redis Cluster of three {@code redis-server} primaries without replicas or persistence on free
 * loopback ports, joined with {@code redis-cli --cluster create} (the approach of the Redis
 * adapter's {@code RedisCluster} test fixture, which bootstrap cannot reach), and the Redisson YAML
 * file ({@code clusterServersConfig}) the nodes connect with.
 */
final class RedisClusterDeployment implements RedisDeployment {

    private static final int PRIMARIES = 3;

    private final List<Process> servers;
    private final List<Integer> ports;
    private final Path redissonConfig;

    private RedisClusterDeployment(List<Process> servers, List<Integer> ports, Path redissonConfig) {
        this.servers = servers;
        this.ports = ports;
        this.redissonConfig = redissonConfig;
    }

    static RedisClusterDeployment start(Path dir) throws IOException, InterruptedException {
        String server = RedisCli.executable("redis-server");
        List<Process> servers = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        try {
            for (int i = 0; i < PRIMARIES; i++) {
                Path nodeDir = Files.createDirectories(dir.resolve("redis-" + i));
                int port = LoopbackPorts.free();
                servers.add(new ProcessBuilder(server, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                        "--save", "", "--appendonly", "no", "--dir", nodeDir.toString(),
                        "--cluster-enabled", "yes", "--cluster-config-file", nodeDir.resolve("nodes.conf").toString(),
                        // The bus port defaults to port + 10000, which may be taken.
                        "--cluster-port", Integer.toString(LoopbackPorts.free()))
                        .redirectErrorStream(true).redirectOutput(nodeDir.resolve("redis.log").toFile()).start());
                ports.add(port);
                RedisCli.awaitReply(port, "PONG", Duration.ofSeconds(10), "PING");
            }
            List<String> create = new ArrayList<>(List.of(RedisCli.executable("redis-cli"), "--cluster", "create"));
            ports.forEach(port -> create.add("127.0.0.1:" + port));
            create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
            String created = RedisCli.run(create, Duration.ofSeconds(30));
            if (!created.contains("All 16384 slots covered")) {
                throw new AssertionError("redis-cli --cluster create failed: " + created);
            }
            for (int port : ports) {
                RedisCli.awaitReply(port, "cluster_state:ok", Duration.ofSeconds(20), "CLUSTER", "INFO");
            }
            return new RedisClusterDeployment(servers, ports, writeRedissonConfig(dir, ports));
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            servers.forEach(Process::destroyForcibly);
            throw e;
        }
    }

    private static Path writeRedissonConfig(Path dir, List<Integer> ports) throws IOException {
        StringBuilder yaml = new StringBuilder("clusterServersConfig:\n  nodeAddresses:\n");
        ports.forEach(port -> yaml.append("    - \"redis://127.0.0.1:").append(port).append("\"\n"));
        yaml.append("  timeout: 3000\n").append("  connectTimeout: 3000\n");
        return Files.writeString(dir.resolve("redisson.yaml"), yaml, StandardCharsets.UTF_8);
    }

    @Override
    public List<String> storageSettings() {
        return List.of("storage.backend=redis", "storage.redis.redisson-config=" + redissonConfig);
    }

    @Override
    public String description() {
        return "Redis Cluster of " + PRIMARIES + " primaries on ports " + ports;
    }

    @Override
    public void close() throws InterruptedException {
        for (Process server : servers) {
            server.destroy();
        }
        for (Process server : servers) {
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }
}
