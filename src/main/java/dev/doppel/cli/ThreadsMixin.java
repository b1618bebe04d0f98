package dev.doppel.cli;

import dev.doppel.error.UsageException;
import picocli.CommandLine.Option;

/** {@code --threads}, for commands that work on several cores, and the one check of its value. */
final class ThreadsMixin {
    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    /** The thread count given, or null when none was (the default is then the caller's); below 1 is a usage error. */
    Integer requested() {
        if (threads != null && threads < 1) {
            throw new UsageException("--threads must be at least 1");
        }
        return threads;
    }

    /** The worker count: the one given, else every core; below 1 is a usage error. */
    int workers() {
        Integer given = requested();
        return given != null ? given : Runtime.getRuntime().availableProcessors();
    }
}
