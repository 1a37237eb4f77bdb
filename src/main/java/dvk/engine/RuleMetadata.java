package dvk.engine;

import java.util.Map;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * A rule's metadata ({@code @id("city-model.min-score")}) as the text between the quotes. dvk runs
 * without the MVEL interpreter, which Drools would use to evaluate a metadata value as an
 * expression (running whatever code it holds); without it, Drools keeps a value as written,
 * quotes and escapes included, and they are taken off here, once, when the rules are built.
 */
final class RuleMetadata {
    private RuleMetadata() {}

    static void unquote(KieBase kieBase) {
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                // the map Rule shows is read-only; the rule's own setter replaces a value
                RuleImpl impl = (RuleImpl) rule;
                for (Map.Entry<String, Object> entry : new java.util.HashMap<>(rule.getMetaData()).entrySet()) {
                    if (entry.getValue() instanceof String text) impl.addMetaAttribute(entry.getKey(), unquoted(text));
                }
            }
        }
    }

    static String unquoted(String text) {
        String value = text.strip();
        if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') return text;
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() - 1) {
                char next = value.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
