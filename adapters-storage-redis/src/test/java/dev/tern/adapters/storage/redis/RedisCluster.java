package dev.tern.adapters.storage.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A running Redis Cluster of three {@code redis-server} primaries without replicas or persistence,
 * on free ports of 127.0.0.1, joined by {@code redis-cli --cluster create} and answering
 * {@code cluster_state:ok} on every node, plus a Redisson YAML file ({@code clusterServersConfig})
 * naming the nodes. {@link #close()} stops the processes.
 *
 * <p>Threading: started and closed on one thread; the accessors are safe from any thread.
 */
final class RedisCluster implements AutoCloseable {

    static final int PRIMARIES = 3;

    private final List<RedisProcess> nodes;
    private final Path redissonConfig;

    private RedisCluster(List<RedisProcess> nodes, Path redissonConfig) {
        this.nodes = nodes;
        this.redissonConfig = redissonConfig;
    }

    static RedisCluster start() {
        String path = System.getenv().getOrDefault("PATH", "");
        Path server = RedisServerExtension.Server.findOnPath("redis-server", path);
        Path cli = findCli(path);
        List<RedisProcess> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < PRIMARIES; i++) {
                nodes.add(RedisProcess.start(server, RedisCluster::nodeArguments));
            }
            create(cli, nodes);
            for (RedisProcess node : nodes) {
                node.awaitReply(Duration.ofSeconds(20), reply -> String.valueOf(reply).contains("cluster_state:ok"),
                        "cluster_state:ok", "CLUSTER", "INFO");
            }
            return new RedisCluster(List.copyOf(nodes), writeRedissonConfig(nodes));
        } catch (RuntimeException e) {
            nodes.forEach(RedisProcess::close);
            throw e;
        }
    }

    /** {@code redis-cli} in one of the directories of {@code path}, or a failure saying how to install it. */
    static Path findCli(String path) {
        return RedisProcess.findOnPath("redis-cli", path, "The Redis Cluster tests need redis-cli on the PATH "
                + "(Debian/Ubuntu: " + RedisServerExtension.INSTALL_HINT + ", which brings it).");
    }

    /** The Redisson YAML configuration naming every node. */
    Path redissonConfig() {
        return redissonConfig;
    }

    /** The client ports of the primaries. */
    List<Integer> ports() {
        return nodes.stream().map(RedisProcess::port).toList();
    }

    private static List<String> nodeArguments(int port, Path directory) {
        List<String> arguments = new ArrayList<>(RedisServerExtension.Server.primaryArguments(port, directory));
        arguments.addAll(List.of("--cluster-enabled", "yes",
                "--cluster-config-file", directory.resolve("nodes.conf").toString(),
                // The bus port defaults to port + 10000, beyond 65535 for a high free port, or taken.
                "--cluster-port", Integer.toString(RedisProcess.freePort())));
        return arguments;
    }

    private static void create(Path cli, List<RedisProcess> nodes) {
        List<String> command = new ArrayList<>(List.of(cli.toString(), "--cluster", "create"));
        nodes.forEach(node -> command.add("127.0.0.1:" + node.port()));
        command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        Path log = nodes.get(0).directory().resolve("cluster-create.log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("redis-cli --cluster create did not finish within 30 s: " + read(log));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("redis-cli --cluster create failed: " + read(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the cluster", e);
        }
    }

    private static Path writeRedissonConfig(List<RedisProcess> nodes) {
        StringBuilder yaml = new StringBuilder("nettyThreads: 4\nclusterServersConfig:\n  nodeAddresses:\n");
        nodes.forEach(node -> yaml.append("    - \"redis://127.0.0.1:").append(node.port()).append("\"\n"));
        // Few idle connections: the contract tests open and close many clients.
        yaml.append("  masterConnectionMinimumIdleSize: 1\n")
                .append("  slaveConnectionMinimumIdleSize: 1\n")
                .append("  subscriptionConnectionMinimumIdleSize: 0\n")
                .append("  timeout: 3000\n")
                .append("  connectTimeout: 3000\n");
        Path file = nodes.get(0).directory().resolve("redisson.yaml");
        try {
            return Files.writeString(file, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        nodes.forEach(RedisProcess::close);
    }
}
