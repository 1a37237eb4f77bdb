package dvk.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages' own style sheets and scripts, files beside this class ({@code dvk/report/report.css},
 * {@code report.js}, {@code impact.css}), inlined into each page so that it fetches nothing. They are
 * the only text the templates write unescaped ({@code $unsafe}): dvk's files, never the input's data.
 */
public final class Assets {
    private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();

    private Assets() {}

    /** The file's text, read once. */
    public static String text(String name) {
        return TEXTS.computeIfAbsent(name, Assets::read);
    }

    private static String read(String name) {
        try (InputStream in = Assets.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("dvk/report/" + name + " is missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
