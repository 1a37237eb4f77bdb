package dvk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dvk.testing.Fifo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --out} never destroys: the input, a directory, a device, a FIFO or a read-only file is
 * refused before the rules are compiled or the input read; a link is written through. Inputs
 * from a pipe read as files do.
 */
// a FIFO read by mistake, or never written, blocks for ever: fail instead
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OutOptionTest {
    private static final Path SAMPLE = Path.of("fixtures/samples/gia-lam-2024.json");
    private static final String BROKEN_DRL = "package dvk.rules;\nrule \"x\"\nwhen\n  This is not DRL\nthen\nend\n";

    @TempDir
    Path temp;

    private Path batch() throws Exception {
        return Files.copy(SAMPLE, temp.resolve("b.json"));
    }

    /** Rules that would exit 4 if they were compiled. */
    private Path brokenRules() throws Exception {
        Path rules = Files.createDirectories(temp.resolve("broken-rules"));
        Files.writeString(rules.resolve("titles.json"), "{\"titles\": []}");
        Files.writeString(rules.resolve("ruleset.json"), "{\"name\": \"broken\", \"years\": {\"from\": 2024}}");
        Files.writeString(rules.resolve("broken.drl"), BROKEN_DRL);
        return rules;
    }

    private CommandRun evaluate(Path input, String out) throws Exception {
        return CommandRun.of("evaluate", input.toString(), "--rules", brokenRules().toString(), "--out", out);
    }

    @Test
    void theInputIsRefusedByAnyNameBeforeTheRulesAreCompiled() throws Exception {
        Path input = batch();
        String before = Files.readString(input);
        Path link = Files.createSymbolicLink(temp.resolve("link.json"), input.getFileName());

        for (String out : new String[] {input.toString(), temp.resolve(".").resolve("b.json").toString(), link.toString()}) {
            CommandRun run = evaluate(input, out);
            assertThat(run.err()).isEqualTo("dvk: --out " + out + ": is the input " + input
                    + "; dvk does not write over what it reads\n");
            assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        }
        CommandRun viaLink = evaluate(link, input.toString());
        assertThat(viaLink.err()).startsWith("dvk: --out " + input + ": is the input " + link);
        assertThat(input).hasContent(before);
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void directoriesDevicesFifosAndReadOnlyFilesAreRefusedBeforeTheInputIsRead() throws Exception {
        // a FIFO as input: reading it would wait for a writer for ever
        Path input = Fifo.make(temp.resolve("never-written.json"));
        Path fifo = Fifo.make(temp.resolve("fifo.json"));
        Path readOnly = Files.writeString(temp.resolve("signed.json"), "signed");
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r--r--r--"));

        assertThat(evaluate(input, temp.toString()).err()).isEqualTo("dvk: --out " + temp + ": is a directory; name a file\n");
        assertThat(evaluate(input, "/dev/null").err()).startsWith("dvk: --out /dev/null: is a character device, not a regular file");
        assertThat(evaluate(input, fifo.toString()).err()).startsWith("dvk: --out " + fifo + ": is a FIFO (named pipe)");
        CommandRun run = evaluate(input, readOnly.toString());
        assertThat(run.err()).isEqualTo("dvk: --out " + readOnly + ": is read-only; dvk does not replace it\n");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);

        assertThat(readOnly).hasContent("signed");
        assertThat(Files.getPosixFilePermissions(readOnly)).isEqualTo(PosixFilePermissions.fromString("r--r--r--"));
        assertThat(Files.isRegularFile(Path.of("/dev/null"))).isFalse();
    }

    @Test
    void everyCommandWithOutRefusesTheSame() throws Exception {
        Path input = batch();
        CommandRun diff = CommandRun.of("diff", "--base", "rules", input.toString(), "--out", input.toString());
        assertThat(diff.err()).startsWith("dvk: --out " + input + ": is the input");
        assertThat(diff.exitCode()).isEqualTo(ExitCodes.USAGE);

        CommandRun rules = CommandRun.of("rules", "--out", "rules/2024-2025/titles.json");
        assertThat(rules.err()).isEqualTo("dvk: --out rules/2024-2025/titles.json: is inside rules, which this run reads;"
                + " dvk does not write over what it reads\n");
        assertThat(rules.exitCode()).isEqualTo(ExitCodes.USAGE);

        CommandRun generate = CommandRun.of("generate", "--n", "10", "--out", "/dev/null");
        assertThat(generate.err()).startsWith("dvk: --out /dev/null: is a character device");
        assertThat(generate.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aLinkIsWrittenThroughAndStaysALink() throws Exception {
        Path report = Files.writeString(Files.createDirectories(temp.resolve("reports")).resolve("2024.json"), "old");
        Path latest = Files.createSymbolicLink(temp.resolve("latest.json"), Path.of("reports/2024.json"));

        CommandRun run = CommandRun.of("evaluate", SAMPLE.toString(), "--out", latest.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.isSymbolicLink(latest)).isTrue();
        assertThat(Files.readString(report)).isEqualTo(CommandRun.of("evaluate", SAMPLE.toString()).out());
        try (var left = Files.list(temp.resolve("reports"))) {
            assertThat(left).containsExactly(report);
        }
    }

    @Test
    void aBatchFromAPipeIsEvaluatedAsTheFileIs() throws Exception {
        String fromFile = CommandRun.of("evaluate", SAMPLE.toString()).out();
        // "63" as the shell's <(cat b.json) is /dev/fd/63: the format is told by the first bytes
        for (String name : new String[] {"b.json", "63"}) {
            CommandRun run = CommandRun.of("evaluate", Fifo.of(temp.resolve(name), SAMPLE).toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).isEqualTo(fromFile);
        }
        CommandRun run = CommandRun.of("evaluate", Fifo.of(temp.resolve("b.csv"), Path.of("fixtures/samples/gia-lam-2024.csv")).toString());
        assertThat(run.out()).isEqualTo(fromFile);
    }
}
