package dvk.engine;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/** The copy of {@code rules/} packaged inside dvk, used when no rules directory is given. */
public final class BundledRules {
    /** Where the build puts the copy (see the pom's resources). */
    static final String RESOURCE = "/dvk/bundled-rules";
    public static final String LABEL = "bundled:rules";

    private BundledRules() {}

    public static Path directory() throws RulesException {
        URL url = BundledRules.class.getResource(RESOURCE);
        if (url == null) {
            throw new RulesException(new RuleProblem(LABEL, 0, null, "this build of dvk has no bundled rules"));
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                }
                return jar.getPath(RESOURCE);
            }
            return Path.of(uri);
        } catch (URISyntaxException | IOException e) {
            throw new RulesException(new RuleProblem(LABEL, 0, null, "cannot open the bundled rules: " + e.getMessage()));
        }
    }
}
