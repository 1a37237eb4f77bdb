package dvk.app;

import dvk.domain.TitleDefinition;
import dvk.engine.RuleLibrary;
import dvk.engine.RuleSources;
import dvk.engine.RulesException;
import dvk.engine.TitlesReader;
import dvk.report.NominationTemplate;
import dvk.report.Words;
import java.io.IOException;
import java.util.List;

/**
 * The nomination template, the use case under {@code dvk template}: the workbook committees fill
 * for a year, its drop-downs offering the titles of the rule set in force that year (read from its
 * titles data; the rules need not compile for it).
 */
public final class Templates {

    /** What was written: the year and the rule set whose titles the template offers. */
    public record Written(int year, String ruleSet) {}

    public Outcome<Written> write(int year, RuleLibrary rules, Words words, Destination destination) {
        RuleLibrary.Entry entry;
        List<TitleDefinition> titles;
        try {
            entry = rules.forYear(year);
            titles = TitlesReader.read(entry.directory().resolve(RuleSources.TITLES_FILE)).titles();
        } catch (RulesException e) {
            return new Outcome.RulesUnusable<>(e.problems());
        }
        NominationTemplate template = new NominationTemplate(year, titles, words);
        try {
            destination.write(template::write);
        } catch (IOException e) {
            return new Outcome.OutputFailed<>(e);
        }
        return Outcome.done(new Written(year, entry.label()));
    }
}
