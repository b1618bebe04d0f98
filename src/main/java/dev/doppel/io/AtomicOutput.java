package dev.doppel.io;

import dev.doppel.error.OutputException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file under a temporary name beside its destination and moves it into place only when complete, so a
 * failure or an interrupt never leaves a partial output file. Existing files are kept unless {@code force}.
 */
public final class AtomicOutput implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final boolean force;
    private final Thread cleanup;
    private boolean committed;

    private AtomicOutput(Path target, Path temp, boolean force) {
        this.target = target;
        this.temp = temp;
        this.force = force;
        this.cleanup = new Thread(this::deleteTemp, "doppel-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** Checks the destination and reserves a temporary file beside it. */
    public static AtomicOutput open(Path target, boolean force) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw new OutputException(target + ": is a folder; give a file name");
        }
        if (Files.exists(absolute) && !force) {
            throw new OutputException(target + ": already exists; pass --force to overwrite it");
        }
        Path dir = absolute.getParent();
        try {
            Files.createDirectories(dir);
            Path temp = dir.resolve("." + absolute.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".part");
            Files.createFile(temp); // default permissions (umask), unlike createTempFile's owner-only
            return new AtomicOutput(absolute, temp, force);
        } catch (IOException e) {
            throw new OutputException(target + ": cannot write there (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The temporary file to write to. */
    public Path temp() {
        return temp;
    }

    public Path target() {
        return target;
    }

    /** Moves the finished temporary file into place. */
    public void commit() {
        try {
            if (Files.exists(target) && !force) {
                throw new OutputException(target.getFileName() + ": appeared while writing; pass --force to overwrite it");
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        } catch (IOException e) {
            throw new OutputException(target.getFileName() + ": cannot be moved into place (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Deletes the temporary file unless committed. */
    @Override
    public void close() {
        deleteTemp();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs anyway
        }
    }

    private void deleteTemp() {
        if (!committed) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // nothing more can be done; the name starts with a dot and ends in .part
            }
        }
    }
}
