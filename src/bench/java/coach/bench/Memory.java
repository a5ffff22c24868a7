package coach.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** The process's memory: heap in use after a full collection, and resident set size from {@code /proc}. */
public final class Memory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private Memory() {
    }

    /** Bytes of heap in use after asking for garbage collection twice. */
    public static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Resident set size in bytes, or empty where {@code /proc/self/status} is not available. */
    public static OptionalLong residentBytes() {
        try {
            return vmRssKilobytes(Files.readString(STATUS)).stream().map(kb -> kb * 1024).findFirst();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** The {@code VmRSS} value of a {@code /proc/PID/status} text, in kilobytes. */
    static OptionalLong vmRssKilobytes(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                return OptionalLong.of(Long.parseLong(parts[0]));
            }
        }
        return OptionalLong.empty();
    }

    /** Bytes as whole mebibytes, e.g. {@code "29 MB"}. */
    public static String megabytes(long bytes) {
        return String.format("%,d MB", bytes / (1024 * 1024));
    }
}
