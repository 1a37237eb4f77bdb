package dvk.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code java -jar target/dvk.jar serve} in a directory of its own, as a committee runs it; its output in files. */
final class ServedJar implements AutoCloseable {
    static final Path JAR = Path.of("target/dvk.jar").toAbsolutePath();
    private static final Pattern AT = Pattern.compile("the workspace is at (http://[^ ]+)");
    private static final Pattern LINK = Pattern.compile("(http://\\S+/setup\\?token=[A-Za-z0-9_-]+)");

    final Path directory;
    final Process process;
    final Path out;
    final Path err;
    final String base;

    private ServedJar(Path directory, Process process, Path out, Path err, String base) {
        this.directory = directory;
        this.process = process;
        this.out = out;
        this.err = err;
        this.base = base;
    }

    /** Starts serving from {@code directory} (its dvk-data/ the database) on a free port, and waits until it answers. */
    static ServedJar start(Path directory, String... options) throws IOException, InterruptedException {
        String name = "serve-" + System.nanoTime();
        Path out = directory.resolve(name + ".out");
        Path err = directory.resolve(name + ".err");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "serve", "--port", "0"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = AT.matcher(Files.readString(err, StandardCharsets.UTF_8));
            if (m.find()) return new ServedJar(directory, process, out, err, m.group(1));
            if (!process.isAlive()) break;
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new AssertionError("dvk serve did not start:\n" + Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The one-time link printed on the first start, or null. */
    String setupLink() throws IOException {
        Matcher m = LINK.matcher(Files.readString(err, StandardCharsets.UTF_8));
        return m.find() ? m.group(1) : null;
    }

    String errors() throws IOException {
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    String requests() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** SIGTERM, as a service manager stops it; the exit code. */
    int terminate() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start().waitFor();
        if (!process.waitFor(60, TimeUnit.SECONDS)) throw new AssertionError("dvk serve did not stop on SIGTERM");
        return process.exitValue();
    }

    /** SIGKILL: the process dies where it stands. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Runs another dvk command in the same directory: its exit code, with its output in {@code log}. */
    static int dvk(Path directory, Path log, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("dvk " + String.join(" ", args) + " did not finish");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (!process.isAlive()) return;
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
