package dvk.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The workspace's pages: templates under {@code src/main/jte/web}, compiled to Java by the build
 * (jte-maven-plugin, content type Html: every {@code ${…}} escaped for where it stands) into the
 * package the pom names, shared with the report's templates.
 */
final class Templates {
    /** {@code packageName} of the jte-maven-plugin in pom.xml. */
    static final String PACKAGE = "dvk.report.templates";

    private final TemplateEngine engine;

    Templates() {
        // the engine finds the compiled templates through the context class loader as it is now
        Thread thread = Thread.currentThread();
        ClassLoader was = thread.getContextClassLoader();
        thread.setContextClassLoader(Templates.class.getClassLoader());
        try {
            engine = TemplateEngine.createPrecompiled(null, ContentType.Html, null, PACKAGE);
        } finally {
            thread.setContextClassLoader(was);
        }
    }

    /** The page {@code web/NAME.jte} with its parameters. */
    String render(String name, Map<String, Object> parameters) {
        StringOutput out = new StringOutput(16 * 1024);
        engine.render("web/" + name + ".jte", parameters, out);
        return out.toString();
    }
}
