package dvk.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Renders the pages' templates ({@code src/main/jte}). The build compiles them to Java classes in
 * {@code dvk.report.templates} (jte-maven-plugin, content type Html), so nothing is compiled when dvk
 * runs. Html escapes every {@code ${…}} for the place it is written in: element text, an attribute,
 * a script.
 */
final class Pages {
    /** The package of the compiled templates: {@code packageName} of the jte-maven-plugin in pom.xml. */
    static final String PACKAGE = "dvk.report.templates";

    private static final TemplateEngine ENGINE = precompiled();

    private Pages() {}

    /** The page of the template with its one parameter, the view. */
    static String render(String template, Object view) {
        StringOutput out = new StringOutput(64 * 1024);
        ENGINE.render(template, view, out);
        return out.toString();
    }

    /**
     * The engine loads the compiled templates through the thread's context class loader, as it is
     * when the engine is made: dvk's own, whichever thread first renders a page.
     */
    private static TemplateEngine precompiled() {
        Thread thread = Thread.currentThread();
        ClassLoader was = thread.getContextClassLoader();
        thread.setContextClassLoader(Pages.class.getClassLoader());
        try {
            return TemplateEngine.createPrecompiled(null, ContentType.Html, null, PACKAGE);
        } finally {
            thread.setContextClassLoader(was);
        }
    }
}
