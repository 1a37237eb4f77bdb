package dvk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies between dvk's packages point one way: the front doors (cli, web) use the
 * application layer, which uses the engine, the readers and the writers, which use the domain.
 * Read from the sources' imports and qualified names, so a dependency the wrong way fails here.
 */
class LayersTest {
    private static final Path SOURCES = Path.of("src/main/java/dvk");
    /** A package may use only packages of a lower rank; two packages of one rank may not use each other. */
    private static final Map<String, Integer> RANK = Map.of(
            "domain", 0,
            "engine", 1, "io", 1,
            "regression", 2,
            "report", 3,
            "app", 4,
            "bench", 5,
            "web", 6, "store", 4,
            // dvk serve is a command: the command line starts the workspace, so cli sits above web
            "cli", 7);
    private static final Pattern USE = Pattern.compile("\\bdvk\\.([a-z]+)\\.(?:[a-z]+\\.)*[A-Z]");
    private static final Pattern OTHER_IMPORT = Pattern.compile("(?m)^import\\s+(?:static\\s+)?([\\w.]+);");

    @Test
    void everyPackageUsesOnlyPackagesBelowIt() throws IOException {
        List<String> wrongWay = new ArrayList<>();
        for (Path file : javaFiles()) {
            String from = topPackage(file);
            assertThat(RANK).as("a rank for package dvk." + from).containsKey(from);
            Matcher use = USE.matcher(code(file));
            while (use.find()) {
                String to = use.group(1);
                if (to.equals(from)) continue;
                if (!RANK.containsKey(to) || RANK.get(to) >= RANK.get(from)) {
                    wrongWay.add(SOURCES.relativize(file) + " uses dvk." + to);
                }
            }
        }
        assertThat(wrongWay).as("dependencies against the direction cli, web → app → engine, io, report → domain")
                .isEmpty();
    }

    @Test
    void theDomainImportsNoFrameworkAndNoOtherDvkPackage() throws IOException {
        for (Path file : javaFiles()) {
            if (!topPackage(file).equals("domain")) continue;
            Matcher imported = OTHER_IMPORT.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (imported.find()) {
                assertThat(imported.group(1)).as(file.toString()).matches("java\\.(lang|util|math|time)\\..*");
            }
        }
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String topPackage(Path file) {
        return SOURCES.relativize(file).getName(0).toString();
    }

    /** The file without comments, so a word in a comment is no dependency. */
    private static String code(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
    }
}
