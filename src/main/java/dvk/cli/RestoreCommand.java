package dvk.cli;

import dvk.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "restore",
        mixinStandardHelpOptions = true,
        description = {
            "Puts a backup made by dvk backup back as the workspace's embedded database. dvk serve must be stopped;"
                    + " the database it replaces is kept beside it, renamed. dvk serve brings an older backup's schema up to date."
        })
public final class RestoreCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "The workspace's data directory. Default: dvk-data.")
    Path data = DataOption.DEFAULT_DATA;

    @Option(names = "--from", paramLabel = "FILE", required = true, description = "The backup (a .zip from dvk backup).")
    Path from;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(from)) {
            err.println("dvk: --from " + from + ": not found");
            return ExitCodes.USAGE;
        }
        try {
            Files.createDirectories(data);
            if (Database.inUse(data)) {
                err.println("dvk: the database in " + data + " is in use: stop dvk serve first");
                return ExitCodes.USAGE;
            }
            Path staging = Files.createTempDirectory(data, ".restoring-");
            boolean database = false;
            boolean secret = false;
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(from))) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    // only the two names a backup holds, written under the staging directory and nowhere else
                    if (e.getName().equals(BackupCommand.DATABASE_ENTRY)) {
                        Files.copy(zip, staging.resolve(BackupCommand.DATABASE_ENTRY));
                        database = true;
                    } else if (e.getName().equals(Database.SECRET_FILE)) {
                        Files.copy(zip, staging.resolve(Database.SECRET_FILE));
                        secret = true;
                    }
                }
            }
            if (!database || !secret) {
                deleteTree(staging);
                err.println("dvk: " + from + " is not a backup made by dvk backup");
                return ExitCodes.USAGE;
            }
            String kept = null;
            Path current = data.resolve(BackupCommand.DATABASE_ENTRY);
            if (Files.exists(current)) {
                String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
                kept = BackupCommand.DATABASE_ENTRY + ".replaced-" + stamp;
                Files.move(current, data.resolve(kept));
                Path secretFile = data.resolve(Database.SECRET_FILE);
                if (Files.exists(secretFile)) Files.move(secretFile, data.resolve(Database.SECRET_FILE + ".replaced-" + stamp));
            }
            Files.move(staging.resolve(Database.SECRET_FILE), data.resolve(Database.SECRET_FILE), StandardCopyOption.ATOMIC_MOVE);
            Files.move(staging.resolve(BackupCommand.DATABASE_ENTRY), current, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(staging);
            String version;
            try (Database restored = Database.open(Database.embedded(data))) {
                version = restored.schemaVersion();
            }
            err.println("dvk: restored " + from + " into " + data + " (schema version " + version + ")"
                    + (kept == null ? "" : "; the database it replaced is kept as " + data.resolve(kept)));
            return ExitCodes.OK;
        } catch (Exception e) {
            err.println("dvk: cannot restore " + from + ": " + ServeCommand.rootMessage(e));
            return ExitCodes.USAGE;
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        try (var files = Files.walk(directory)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
