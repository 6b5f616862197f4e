package dev.tern.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the broker process's CPU time and memory from {@code /proc}: {@code utime + stime} from
 * {@code /proc/PID/stat} (in clock ticks), {@code VmRSS} and {@code VmHWM} from
 * {@code /proc/PID/status}. A broker of several processes (the nodes of a cluster) is read as
 * their sum. Without a pid every reading is -1, and the JSON line says null; so is a reading of
 * which one process could not be read.
 *
 * <p>Threading: stateless apart from the pids; callable from any thread.
 */
final class BrokerProbe {

    private final List<Long> pids;
    private final long ticksPerSecond;

    BrokerProbe(List<Long> pids, long ticksPerSecond) {
        this.pids = List.copyOf(pids);
        this.ticksPerSecond = ticksPerSecond;
    }

    BrokerProbe(long pid, long ticksPerSecond) {
        this(pid > 0 ? List.of(pid) : List.of(), ticksPerSecond);
    }

    boolean attached() {
        return !pids.isEmpty();
    }

    /** User plus system CPU time so far, in seconds, or -1. */
    double cpuSeconds() {
        if (!attached()) {
            return -1;
        }
        long ticks = 0;
        for (long pid : pids) {
            String stat = read(pid, "stat");
            if (stat == null) {
                return -1;
            }
            // Fields after the command name, which may itself hold spaces and parentheses.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }
        return ticks / (double) ticksPerSecond;
    }

    /** Resident set size now, in kB, or -1. */
    long rssKb() {
        return statusField("VmRSS:");
    }

    /** Peak resident set size of the process's life (of several: the sum of their peaks), in kB, or -1. */
    long peakRssKb() {
        return statusField("VmHWM:");
    }

    private long statusField(String name) {
        if (!attached()) {
            return -1;
        }
        long sum = 0;
        for (long pid : pids) {
            long value = statusField(pid, name);
            if (value < 0) {
                return -1;
            }
            sum += value;
        }
        return sum;
    }

    private static long statusField(long pid, String name) {
        String status = read(pid, "status");
        if (status == null) {
            return -1;
        }
        for (String line : status.split("\n")) {
            if (line.startsWith(name)) {
                return Long.parseLong(line.substring(name.length()).replace("kB", "").trim());
            }
        }
        return -1;
    }

    private static String read(long pid, String file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), file), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code getconf CLK_TCK}, or the usual 100 when it cannot be asked. */
    static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
