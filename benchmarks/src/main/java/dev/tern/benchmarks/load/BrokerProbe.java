package dev.tern.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the broker process's CPU time and memory from {@code /proc}: {@code utime + stime} from
 * {@code /proc/PID/stat} (in clock ticks), {@code VmRSS} and {@code VmHWM} from
 * {@code /proc/PID/status}. Without a pid every reading is -1, and the JSON line says null.
 *
 * <p>Threading: stateless apart from the pid; callable from any thread.
 */
final class BrokerProbe {

    private final long pid;
    private final long ticksPerSecond;

    BrokerProbe(long pid, long ticksPerSecond) {
        this.pid = pid;
        this.ticksPerSecond = ticksPerSecond;
    }

    boolean attached() {
        return pid > 0;
    }

    /** User plus system CPU time so far, in seconds, or -1. */
    double cpuSeconds() {
        if (!attached()) {
            return -1;
        }
        String stat = read("stat");
        if (stat == null) {
            return -1;
        }
        // Fields after the command name, which may itself hold spaces and parentheses.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long utime = Long.parseLong(fields[11]);
        long stime = Long.parseLong(fields[12]);
        return (utime + stime) / (double) ticksPerSecond;
    }

    /** Resident set size now, in kB, or -1. */
    long rssKb() {
        return statusField("VmRSS:");
    }

    /** Peak resident set size of the process's life, in kB, or -1. */
    long peakRssKb() {
        return statusField("VmHWM:");
    }

    private long statusField(String name) {
        if (!attached()) {
            return -1;
        }
        String status = read("status");
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

    private String read(String file) {
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
