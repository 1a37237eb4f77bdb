package dvk.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A rules directory as it was at a git revision ({@code --base git:HEAD}), copied out of the
 * repository with git itself, so the working tree is never touched.
 */
public final class GitRevision {
    /** git is missing, the directory is not in a repository, or the revision does not name the directory. */
    public static class GitException extends Exception {
        public GitException(String message) {
            super(message);
        }
    }

    private GitRevision() {}

    /**
     * Writes the files of {@code directory} at {@code revision} under {@code into}, keeping their path
     * inside the repository, and returns where the directory's copy is.
     */
    public static Path export(String revision, Path directory, Path into) throws GitException, IOException {
        if (revision.isBlank() || revision.startsWith("-")) {
            throw new GitException("\"" + revision + "\" is not a git revision");
        }
        Path absolute = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new GitException(directory + ": no such directory to take from git");
        }
        Path top = Path.of(text(run(absolute, "rev-parse", "--show-toplevel")).strip()).toRealPath();
        String inside = top.relativize(absolute.toRealPath()).toString().replace('\\', '/');
        String pathspec = inside.isEmpty() ? "." : inside;
        String commit;
        try {
            commit = text(run(top, "rev-parse", "--verify", "--quiet", revision + "^{commit}")).strip();
        } catch (GitException e) {
            throw new GitException("\"" + revision + "\" is not a revision of the git repository at " + top);
        }
        List<String> files = new ArrayList<>();
        for (String file : text(run(top, "ls-tree", "-r", "-z", "--name-only", commit, "--", pathspec)).split("\0")) {
            if (!file.isEmpty()) files.add(file);
        }
        if (files.isEmpty()) {
            throw new GitException(pathspec + " does not exist at git revision " + revision);
        }
        for (String file : files) {
            Path target = into.resolve(file).normalize();
            if (!target.startsWith(into)) throw new GitException("unexpected path in git: " + file);
            Files.createDirectories(target.getParent());
            Files.write(target, run(top, "show", commit + ":" + file));
        }
        return inside.isEmpty() ? into : into.resolve(inside);
    }

    private static byte[] run(Path workingDirectory, String... args) throws GitException, IOException {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workingDirectory.toFile()).start();
        } catch (IOException e) {
            throw new GitException("cannot run git (is it installed?): " + e.getMessage());
        }
        process.getOutputStream().close();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> copy(process.getErrorStream(), errors));
        drain.start();
        byte[] output = process.getInputStream().readAllBytes();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new GitException("git " + args[0] + " did not finish within 60 s");
            }
            drain.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitException("interrupted while running git");
        }
        if (process.exitValue() != 0) {
            String message = text(errors.toByteArray()).strip().lines().findFirst().orElse("");
            throw new GitException("git " + args[0] + " failed" + (message.isEmpty() ? "" : ": " + message));
        }
        return output;
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the exit status reports the failure
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
