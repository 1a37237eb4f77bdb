package dvk.report;

import dvk.domain.TitleDefinition;
import dvk.engine.RuleCatalog;
import dvk.engine.RuleCatalog.Entry;
import dvk.engine.RuleCatalog.Kind;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The rule catalog as Markdown for policy staff: per rule set its titles, then one table per title
 * (its criteria, the award rule last), then eligibility, the score and the other rules. Every row
 * names the rule's id, citation and file:line.
 */
public final class CatalogMarkdownWriter {
    private static final String[] RULE_COLUMNS = {"criterion", "requirement", "rule id", "citation", "where"};

    private CatalogMarkdownWriter() {}

    /** Writes UTF-8 to {@code out}, which is left open. */
    public static void write(List<RuleCatalog> catalogs, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(catalogs, writer);
        writer.flush();
    }

    public static void write(List<RuleCatalog> catalogs, Writer out) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Rule catalog\n");
        for (RuleCatalog catalog : catalogs) {
            ruleSet(md, catalog);
        }
        out.write(md.toString());
        out.flush();
    }

    private static void ruleSet(StringBuilder md, RuleCatalog catalog) {
        md.append("\n## ").append(catalog.source()).append(" — ").append(catalog.name()).append("\n\n");
        md.append("Years: ").append(catalog.years()).append(" · ").append(catalog.rules().size()).append(" rules · ")
                .append(catalog.fingerprint()).append("\n\n");
        header(md, "code", "Vietnamese name", "English name", "level", "issuer");
        for (TitleDefinition t : catalog.titles()) {
            row(md, t.code(), t.nameVi(), t.nameEn(), t.level() == null ? "" : t.level().name(), t.issuer());
        }
        for (TitleDefinition t : catalog.titles()) {
            md.append("\n### ").append(t.code()).append(" — ").append(t.nameVi()).append("\n\n");
            List<Entry> entries = catalog.forTitle(t.code());
            if (entries.isEmpty()) {
                md.append("No rule checks or awards this title.\n");
                continue;
            }
            header(md, RULE_COLUMNS);
            for (Entry e : entries) {
                String criterion = switch (e.kind()) {
                    case AWARD -> "**award**";
                    case WITHHOLDS -> "**withheld**";
                    default -> e.criterion();
                };
                rule(md, criterion, e);
            }
        }
        section(md, "Eligibility (every title)", "criterion", catalog.ofKind(Kind.ELIGIBILITY), false);
        section(md, "Score", "component", catalog.ofKind(Kind.SCORE), false);
        section(md, "Other rules", "rule", catalog.ofKind(Kind.OTHER), true);
    }

    private static void section(StringBuilder md, String heading, String first, List<Entry> entries, boolean byName) {
        if (entries.isEmpty()) return;
        md.append("\n### ").append(heading).append("\n\n");
        header(md, first, "requirement", "rule id", "citation", "where");
        for (Entry e : entries) {
            rule(md, byName ? e.name() : e.criterion(), e);
        }
    }

    private static void rule(StringBuilder md, String first, Entry e) {
        row(md, first, e.requirement(), e.id(), e.cite(), e.where());
    }

    private static void header(StringBuilder md, String... columns) {
        row(md, columns);
        md.append('|');
        for (int i = 0; i < columns.length; i++) md.append("---|");
        md.append('\n');
    }

    private static void row(StringBuilder md, String... cells) {
        md.append('|');
        for (String cell : cells) {
            md.append(' ').append(cell(cell)).append(" |");
        }
        md.append('\n');
    }

    /** A table cell: {@code |} escaped, on one line. */
    static String cell(String text) {
        if (text == null) return "";
        return text.replace("\\", "\\\\").replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
