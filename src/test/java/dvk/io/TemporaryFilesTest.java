package dvk.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dvk's temporary files say whose they are; a later run deletes only those whose owner is gone. */
class TemporaryFilesTest {
    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path temp;

    /** The id of a process that has ended. */
    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return process.pid();
    }

    @Test
    void filesAreNamedWithTheOwningProcessAndGoneOnceDeleted() throws Exception {
        Path spill = TemporaryFiles.create("decisions", ".spill");
        Path directory = TemporaryFiles.createDirectory("base");
        Files.writeString(directory.resolve("inside.drl"), "rule");
        Path beside = TemporaryFiles.beside(temp.resolve("report.html"));

        assertThat(spill.getFileName().toString()).startsWith("dvk-pid" + PID + "-decisions-").endsWith(".spill");
        assertThat(spill.getParent()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
        assertThat(directory.getFileName().toString()).startsWith("dvk-pid" + PID + "-base-");
        assertThat(beside.getParent()).isEqualTo(temp);
        assertThat(beside.getFileName().toString()).startsWith(".dvk-pid" + PID + "-report.html-").endsWith(".tmp");

        TemporaryFiles.delete(spill);
        TemporaryFiles.delete(directory);
        TemporaryFiles.delete(beside);
        assertThat(spill).doesNotExist();
        assertThat(directory).doesNotExist();
        assertThat(beside).doesNotExist();
    }

    @Test
    void aSweepDeletesWhatADeadProcessLeftAndKeepsWhatALiveOneIsUsing() throws Exception {
        long dead = deadPid();
        Path deadSpill = Files.writeString(temp.resolve("dvk-pid" + dead + "-decisions-123.spill"), "x");
        Path deadOutput = Files.writeString(temp.resolve(".dvk-pid" + dead + "-out.json-456.tmp"), "partial");
        Path deadDirectory = Files.createDirectories(temp.resolve("dvk-pid" + dead + "-base-789"));
        Files.writeString(Files.createDirectories(deadDirectory.resolve("rules")).resolve("a.drl"), "rule");
        Path mine = Files.writeString(temp.resolve("dvk-pid" + PID + "-decisions-1.spill"), "in use");
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        Path parents = Files.writeString(temp.resolve("dvk-pid" + parent + "-csv-2.spill"), "in use");
        Path report = Files.writeString(temp.resolve("dvk-2024-report.json"), "a user's file");
        Path notAPid = Files.writeString(temp.resolve("dvk-pidx-report.json"), "a user's file");

        TemporaryFiles.sweep(temp);

        assertThat(deadSpill).doesNotExist();
        assertThat(deadOutput).doesNotExist();
        assertThat(deadDirectory).doesNotExist();
        assertThat(mine).exists();
        assertThat(parents).as("another live run's").exists();
        assertThat(report).exists();
        assertThat(notAPid).exists();
    }

    @Test
    void aLiveProcessThatStartedAfterTheFileWasWrittenDoesNotOwnIt() throws Exception {
        // the id was reused: the parent process (Maven, the IDE) started long after 2001
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        Path old = Files.writeString(temp.resolve("dvk-pid" + parent + "-decisions-3.spill"), "x");
        Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));

        TemporaryFiles.sweep(temp);

        assertThat(old).doesNotExist();
    }

    @Test
    void poisTemporaryFilesAreDvksOwn() throws Exception {
        Path sheet = TemporaryFiles.forPoi().createTempFile("poi-sxssf-sheet", ".xml").toPath();
        assertThat(sheet.getFileName().toString()).startsWith("dvk-pid" + PID + "-poi-sxssf-sheet-").endsWith(".xml");
        TemporaryFiles.delete(sheet);
        assertThat(sheet).doesNotExist();
    }
}
