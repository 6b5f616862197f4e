package dev.tern.e2e.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the broker process holds at one moment, read from outside as an operator would: the heap
 * still in use after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}), the live thread
 * count ({@code Threads:} in {@code /proc/<pid>/status}) and the open file descriptors
 * ({@code /proc/<pid>/fd}).
 *
 * @param liveHeapBytes heap used right after a full GC: what the broker really keeps
 * @param threads live threads of the process
 * @param fileDescriptors open descriptors: sockets, files, pipes
 * @param cpu processor time the process has used since it started (user and system)
 */
record BrokerFootprint(long liveHeapBytes, int threads, int fileDescriptors, Duration cpu) {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final Pattern THREADS = Pattern.compile("(?m)^Threads:\\s+(\\d+)");
    /** {@code utime} and {@code stime} in {@code /proc/<pid>/stat} count in ticks of 1/100 s on Linux. */
    private static final long MILLIS_PER_TICK = 10;

    BrokerFootprint {
        if (liveHeapBytes <= 0 || threads <= 0 || fileDescriptors <= 0 || cpu.isNegative()) {
            throw new IllegalArgumentException("not a footprint: " + liveHeapBytes + " " + threads + " " + fileDescriptors);
        }
    }

    static BrokerFootprint of(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        Matcher heap = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
        if (!heap.find()) {
            throw new IllegalStateException("jcmd GC.heap_info named no used heap for " + pid);
        }
        Matcher threads = THREADS.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        if (!threads.find()) {
            throw new IllegalStateException("no Threads: line for " + pid);
        }
        long descriptors;
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            descriptors = fds.count();
        }
        return new BrokerFootprint(Long.parseLong(heap.group(1)) * 1024, Integer.parseInt(threads.group(1)),
                Math.toIntExact(descriptors), cpu(pid));
    }

    /** Fields 14 and 15 of {@code /proc/<pid>/stat}, counted after the parenthesised command name. */
    private static Duration cpu(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Duration.ofMillis((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK);
    }

    long liveHeapMegabytes() {
        return liveHeapBytes / (1024 * 1024);
    }

    @Override
    public String toString() {
        return "live heap " + liveHeapMegabytes() + " MB, " + threads + " threads, " + fileDescriptors + " fds";
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), command))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + output);
        }
        return output;
    }
}
