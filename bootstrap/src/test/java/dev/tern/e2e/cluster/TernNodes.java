package dev.tern.e2e.cluster;

import dev.tern.e2e.durability.BrokerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * N broker processes ({@code target/tern.jar}) on one {@link RedisDeployment}, each on a loopback
 * port of its own, started in parallel and each waited for until its ready line. Node {@code i}
 * (from 0) is {@code node-<i+1>}. A node can be killed ({@code kill -9}), paused ({@code SIGSTOP})
 * and resumed, and started again with the same id, port and settings.
 *
 * <p>Threading: used by the test's thread.
 */
final class TernNodes implements AutoCloseable {

    private final List<List<String>> settings;
    private final List<Integer> ports;
    private final List<BrokerProcess> processes;
    /** Processes replaced by {@link #restart}, with their node index, so that their output can be kept too. */
    private final List<Map.Entry<Integer, BrokerProcess>> replaced = new ArrayList<>();

    private TernNodes(List<List<String>> settings, List<Integer> ports, List<BrokerProcess> processes) {
        this.settings = settings;
        this.ports = ports;
        this.processes = processes;
    }

    /** Set once by {@link #clustered}, before the nodes are handed out. */
    private String keyPrefix;

    /**
     * {@code count} nodes with {@code cluster.enabled=true} sharing one key prefix, with these
     * settings ({@code key=value}) added to each.
     */
    static TernNodes clustered(RedisDeployment redis, int count, String... extra)
            throws IOException, InterruptedException {
        String prefix = "c" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL) + ":";
        List<List<String>> settings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> node = new ArrayList<>(redis.storageSettings());
            node.addAll(List.of("storage.redis.key-prefix=" + prefix, "cluster.enabled=true",
                    "cluster.node-id=" + nodeId(i)));
            node.addAll(List.of(extra));
            settings.add(node);
        }
        TernNodes nodes = start(settings);
        nodes.keyPrefix = prefix;
        return nodes;
    }

    /** The {@code storage.redis.key-prefix} of {@link #clustered} nodes, or null. */
    String keyPrefix() {
        return keyPrefix;
    }

    /** {@code count} independent brokers on the same Redis, clustering off, each under a key prefix of its own. */
    static TernNodes unclustered(RedisDeployment redis, int count, String... extra)
            throws IOException, InterruptedException {
        List<List<String>> settings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> node = new ArrayList<>(redis.storageSettings());
            node.add("storage.redis.key-prefix=" + nodeId(i) + ":");
            node.addAll(List.of(extra));
            settings.add(node);
        }
        return start(settings);
    }

    private static TernNodes start(List<List<String>> settings) throws IOException, InterruptedException {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < settings.size(); i++) {
            ports.add(LoopbackPorts.free());
        }
        ExecutorService starter = Executors.newFixedThreadPool(settings.size());
        List<Future<BrokerProcess>> starting = new ArrayList<>();
        try {
            for (int i = 0; i < settings.size(); i++) {
                int port = ports.get(i);
                String[] node = settings.get(i).toArray(String[]::new);
                starting.add(starter.submit(() -> BrokerProcess.start(port, node)));
            }
            List<BrokerProcess> processes = new ArrayList<>();
            Throwable failure = null;
            for (Future<BrokerProcess> future : starting) {
                try {
                    processes.add(future.get());
                } catch (ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                }
            }
            if (failure != null) {
                for (BrokerProcess started : processes) {
                    started.close();
                }
                throw new AssertionError("a node did not start: " + failure.getMessage(), failure);
            }
            return new TernNodes(settings, ports, processes);
        } finally {
            starter.shutdown();
        }
    }

    static String nodeId(int index) {
        return "node-" + (index + 1);
    }

    int size() {
        return processes.size();
    }

    int port(int index) {
        return ports.get(index);
    }

    BrokerProcess node(int index) {
        return processes.get(index);
    }

    void kill9(int index) throws InterruptedException {
        processes.get(index).kill9();
    }

    void pause(int index) throws IOException, InterruptedException {
        processes.get(index).pause();
    }

    void resume(int index) throws IOException, InterruptedException {
        processes.get(index).resume();
    }

    /** Starts node {@code index} again, stopped or killed before, with its id, port and settings. */
    void restart(int index) throws IOException, InterruptedException {
        processes.get(index).close();
        replaced.add(Map.entry(index, processes.get(index)));
        processes.set(index, BrokerProcess.start(ports.get(index), settings.get(index).toArray(String[]::new)));
    }

    /**
     * Writes what each node printed to {@code dir/node-<i>.log} (an earlier run of a restarted node
     * to {@code node-<i>.<n>.log}), so that a failed scenario can be read afterwards: call it after
     * {@link #close()} to have the lines printed while stopping too.
     */
    void keepOutputs(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < replaced.size(); i++) {
            Map.Entry<Integer, BrokerProcess> earlier = replaced.get(i);
            Files.write(dir.resolve(nodeId(earlier.getKey()) + "." + i + ".log"), earlier.getValue().output());
        }
        for (int i = 0; i < processes.size(); i++) {
            Files.write(dir.resolve(nodeId(i) + ".log"), processes.get(i).output());
        }
    }

    /**
     * Stops every node (SIGTERM: a clean stop), paused ones continued first; one still running after 20 s is killed.
     * The nodes stop in parallel: each takes about a second to stop cleanly, which every test class would
     * otherwise pay once per node.
     */
    @Override
    public void close() throws InterruptedException {
        ExecutorService stopper = Executors.newFixedThreadPool(Math.max(1, processes.size()));
        try {
            List<Future<?>> stopping = new ArrayList<>();
            for (BrokerProcess process : processes) {
                stopping.add(stopper.submit(() -> {
                    stop(process);
                    return null;
                }));
            }
            for (Future<?> stopped : stopping) {
                try {
                    stopped.get();
                } catch (ExecutionException e) {
                    throw new AssertionError("a node did not stop: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            stopper.shutdown();
        }
    }

    private static void stop(BrokerProcess process) throws InterruptedException {
        try {
            process.terminate(Duration.ofSeconds(20));
        } catch (IOException | AssertionError e) {
            // kill could not signal it: Process.destroy below still ends it.
        }
        process.close();
    }
}
