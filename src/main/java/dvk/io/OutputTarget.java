package dvk.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which files an output may replace: a new file, or an existing regular file that someone may
 * write and that the run does not read. Anything else (the input itself, a directory, a device, a
 * FIFO, a socket, a read-only file, a link to nothing) is refused, so that a mistyped name costs
 * a message, never a file. A symbolic link to a regular file is written through: the file it
 * points to is replaced, and the link stays a link.
 */
public final class OutputTarget {
    private static final Set<PosixFilePermission> ANY_WRITE = EnumSet.of(
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    /** Why an output may not go where it was asked to; the message completes "--out FILE: …". */
    public static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    private OutputTarget() {}

    /**
     * The file to write for {@code target}: the target itself, or the file a symbolic link points
     * to. {@code inputs} are what the run reads, files or directories: an output may not replace
     * one of them, nor a file inside one.
     */
    public static Path check(Path target, Collection<Path> inputs) throws Refused {
        Path absolute = target.toAbsolutePath();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(absolute, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            if (Files.isSymbolicLink(absolute)) {
                throw new Refused("is a symbolic link to " + linkTarget(absolute) + ", which does not exist;"
                        + " dvk writes through a link only to an existing file");
            }
            checkDirectory(absolute.getParent());
            return absolute;
        } catch (IOException e) {
            throw new Refused("cannot be examined: " + e.getMessage());
        }
        if (attributes.isDirectory()) {
            throw new Refused("is a directory; name a file");
        }
        if (!attributes.isRegularFile()) {
            throw new Refused("is " + kind(absolute) + ", not a regular file; dvk replaces only regular files"
                    + " (without --out the output goes to standard output)");
        }
        Path file;
        try {
            file = absolute.toRealPath();
        } catch (IOException e) {
            throw new Refused("cannot be examined: " + e.getMessage());
        }
        if (readOnly(file)) {
            throw new Refused("is read-only; dvk does not replace it");
        }
        for (Path input : inputs) {
            if (isOrHolds(input, file)) {
                throw new Refused((Files.isDirectory(input) ? "is inside " + input + ", which this run reads" : "is the input "
                        + input) + "; dvk does not write over what it reads");
            }
        }
        checkDirectory(file.getParent());
        return file;
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "a file";
        }
    }

    /** Root may write any file, so a file nobody is allowed to write counts as read-only too. */
    private static boolean readOnly(Path file) {
        if (!Files.isWritable(file)) return true;
        try {
            return Files.getPosixFilePermissions(file).stream().noneMatch(ANY_WRITE::contains);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** The same file by any name (a link, a {@code ./}, a hard link), or a file inside the directory. */
    private static boolean isOrHolds(Path input, Path file) {
        try {
            if (!Files.exists(input)) return false;
            if (Files.isSameFile(input, file)) return true;
            return Files.isDirectory(input) && file.startsWith(input.toRealPath());
        } catch (IOException e) {
            return false; // an input that cannot be examined cannot be read either, and says so itself
        }
    }

    /** The output's directory, or the nearest one that exists, must take a new file (the temporary one). */
    private static void checkDirectory(Path directory) throws Refused {
        Path existing = directory;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) existing = existing.getParent();
        if (existing == null) return;
        if (!Files.isDirectory(existing)) {
            throw new Refused("cannot be created: " + existing + " is not a directory");
        }
        if (!Files.isWritable(existing)) {
            throw new Refused("cannot be written: the directory " + existing + " is read-only");
        }
    }

    /** What a file that is not regular is, as {@code ls -l} would tell. */
    private static String kind(Path path) {
        try {
            int type = (Integer) Files.getAttribute(path, "unix:mode") & 0170000;
            return switch (type) {
                case 0010000 -> "a FIFO (named pipe)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file";
        }
    }
}
