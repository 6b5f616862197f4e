package dev.tern.e2e.cluster;

import dev.tern.e2e.durability.RedisServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One {@code redis-server} shared by every node; it can be restarted under the nodes (empty, or as it was if persistent). */
final class SingleRedis implements RedisDeployment {

    private final RedisServerProcess server;

    private SingleRedis(RedisServerProcess server) {
        this.server = server;
    }

    static SingleRedis start(Path dir) throws IOException, InterruptedException {
        return new SingleRedis(RedisServerProcess.start(Files.createDirectories(dir)));
    }

    /** One that keeps its data across a restart (append-only file, synced at every write). */
    static SingleRedis startPersistent(Path dir) throws IOException, InterruptedException {
        return new SingleRedis(RedisServerProcess.startPersistent(Files.createDirectories(dir)));
    }

    @Override
    public List<String> storageSettings() {
        return List.of("storage.backend=redis", "storage.redis.url=" + server.url());
    }

    @Override
    public String description() {
        return "redis-server " + server.url();
    }

    /** Kills it; see {@link RedisServerProcess#stop()}. */
    void stop() throws InterruptedException {
        server.stop();
    }

    /** Starts it again on the same port: empty, or as it was if persistent. */
    void restart() throws IOException, InterruptedException {
        server.restart();
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }
}
