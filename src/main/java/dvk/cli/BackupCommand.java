package dvk.cli;

import dvk.io.TemporaryFiles;
import dvk.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "backup",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a consistent copy of the workspace's embedded database to a zip file, also while dvk serve runs"
                    + " (H2's BACKUP through the running server). dvk restore puts it back.",
            "For PostgreSQL (dvk serve --db), use pg_dump."
        })
public final class BackupCommand implements Callable<Integer> {
    /** The entries of a backup: H2's copy of the database file, and the password that opens it. */
    static final String DATABASE_ENTRY = Database.EMBEDDED_NAME + ".mv.db";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "The workspace's data directory. Default: dvk-data.")
    Path data = DataOption.DEFAULT_DATA;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The backup to write (a .zip); replaced atomically when it exists.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Database.embeddedExists(data)) {
            err.println("dvk: no workspace database in " + data + " (dvk serve makes it on its first start; --data names another)");
            return ExitCodes.USAGE;
        }
        Path target = out.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            err.println("dvk: --out " + out + " is a directory");
            return ExitCodes.USAGE;
        }
        Path work = null;
        try {
            work = TemporaryFiles.createDirectory("backup");
            Path copy = work.resolve("h2-backup.zip");
            try (Database database = Database.open(Database.embedded(data))) {
                database.backup(copy);
            }
            Path written = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(written));
                 ZipInputStream h2 = new ZipInputStream(Files.newInputStream(copy))) {
                boolean found = false;
                for (ZipEntry e = h2.getNextEntry(); e != null; e = h2.getNextEntry()) {
                    if (!Path.of(e.getName()).getFileName().toString().equals(DATABASE_ENTRY)) continue;
                    zip.putNextEntry(new ZipEntry(DATABASE_ENTRY));
                    h2.transferTo(zip);
                    zip.closeEntry();
                    found = true;
                }
                if (!found) throw new IOException("H2's backup holds no " + DATABASE_ENTRY);
                zip.putNextEntry(new ZipEntry(Database.SECRET_FILE));
                zip.write(Files.readAllBytes(data.resolve(Database.SECRET_FILE)));
                zip.closeEntry();
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(written);
                throw e;
            }
            Files.move(written, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            err.println("dvk: backed up " + data + " to " + out + " (" + Files.size(target) / 1024 + " KB)");
            return ExitCodes.OK;
        } catch (Exception e) {
            err.println("dvk: cannot back up " + data + ": " + ServeCommand.rootMessage(e));
            return ExitCodes.USAGE;
        } finally {
            if (work != null) {
                try {
                    TemporaryFiles.delete(work);
                } catch (IOException ignored) {
                    // deleted when dvk exits
                }
            }
        }
    }
}
