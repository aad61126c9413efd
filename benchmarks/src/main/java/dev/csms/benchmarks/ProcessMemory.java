package dev.csms.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Resident memory and open files of a process, from Linux's /proc. */
public final class ProcessMemory {

    private static final Pattern VM_RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+)\\s+kB");

    private ProcessMemory() {
    }

    /** VmRSS of /proc/{pid}/status in bytes. */
    public static long residentBytes(long pid) {
        try {
            return parseVmRss(Files.readString(Path.of("/proc", String.valueOf(pid), "status")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the status of process " + pid, e);
        }
    }

    /** Open file descriptors of a process (entries of /proc/{pid}/fd); -1 when not readable. */
    public static long openFiles(long pid) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            return fds.count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** VmRSS in bytes from the text of a /proc/{pid}/status file. */
    static long parseVmRss(String status) {
        Matcher m = VM_RSS.matcher(status);
        if (!m.find()) {
            throw new IllegalArgumentException("no VmRSS line in the process status");
        }
        return Long.parseLong(m.group(1)) * 1024;
    }
}
