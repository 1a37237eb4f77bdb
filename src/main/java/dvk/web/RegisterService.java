package dvk.web;

import dvk.app.RuleSetDescriptions;
import dvk.domain.TitleDefinition;
import dvk.io.RegisterXlsxReader;
import dvk.report.RegisterXlsxWriter;
import dvk.report.Words;
import dvk.store.Actor;
import dvk.store.Register;
import dvk.store.Store;
import dvk.store.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The award register beside the rounds: a past year's register imported from a workbook (the rows
 * that can be read stored in one transaction, every other row listed with its problems), the
 * register exported, and the names of titles for both, from every rule set in force.
 */
final class RegisterService {
    private final Store store;
    private final Clock clock;
    private final Map<String, TitleDefinition> titles = new LinkedHashMap<>();
    private final Map<String, String> byName = new HashMap<>();

    RegisterService(Store store, RulesInForce rules, Clock clock) {
        this.store = store;
        this.clock = clock;
        // in the order of the rule sets and their titles: district titles before city ones, as the rules list them
        for (RuleSetDescriptions.Checked set : rules.all()) {
            if (!set.compiles()) continue;
            for (TitleDefinition t : set.rules().awardedTitles()) titles.putIfAbsent(t.code(), t);
        }
        titles.values().forEach(t -> {
            byName.put(Texts.folded(t.code()), t.code());
            byName.put(Texts.folded(t.nameVi()), t.code());
            byName.put(Texts.folded(t.nameEn()), t.code());
        });
    }

    /** The title codes the rule sets know, in their order. */
    List<TitleDefinition> titles() {
        return List.copyOf(titles.values());
    }

    /** A title's name in the reader's language; its code when no rule set knows it. */
    String titleName(String code, Words words) {
        TitleDefinition t = titles.get(code);
        return t == null ? code : words.isVietnamese() ? t.nameVi() : t.nameEn();
    }

    /** What an import did: the titles stored, the rows read, and every problem of the rows not stored. */
    record Imported(int stored, int rows, int newModels, List<RegisterXlsxReader.Problem> problems) {}

    Imported importXlsx(InputStream xlsx, Actor actor) throws IOException {
        RegisterXlsxReader.Result result;
        try {
            result = RegisterXlsxReader.read(xlsx, this::titleCode);
        } catch (RegisterXlsxReader.Unreadable e) {
            throw new Refusal(422, "register-unreadable", e.key, e.arguments.toArray());
        }
        Instant now = clock.instant();
        int[] newModels = {0};
        store.transaction(tx -> {
            Register register = tx.register();
            Map<String, String> codes = new HashMap<>();
            List<Register.NewEntry> entries = new ArrayList<>(result.entries().size());
            java.util.Set<String> given = new java.util.HashSet<>();
            result.entries().forEach(e -> {
                if (e.modelCode() != null) given.add(e.modelCode());
            });
            java.util.Set<String> known = new java.util.HashSet<>();
            List<String> all = new ArrayList<>(given);
            for (int i = 0; i < all.size(); i += 1000) known.addAll(register.known(all.subList(i, Math.min(all.size(), i + 1000))));
            List<Register.Model> models = new ArrayList<>();
            for (RegisterXlsxReader.Entry e : result.entries()) {
                String type = e.type() == null ? null : e.type().name();
                String code;
                if (e.modelCode() != null) {
                    code = e.modelCode();
                    if (known.add(code)) models.add(new Register.Model(code, type, e.name(), e.commune(), e.district(), e.city()));
                } else {
                    // rows of one model without a code, in one file: one new code for them all
                    String key = Texts.folded(String.join("|", String.valueOf(type), e.name(), e.commune(), e.district()));
                    code = codes.get(key);
                    if (code == null) {
                        code = register.nextCode(type);
                        codes.put(key, code);
                        models.add(new Register.Model(code, type, e.name(), e.commune(), e.district(), e.city()));
                    }
                }
                entries.add(new Register.NewEntry(code, e.year(), e.level().name(), e.title(), e.name(), type, null, e.commune(),
                        e.district(), e.city(), e.decisionNumber(), e.decisionDate(), e.issuer(), "IMPORTED", null, null, false));
            }
            newModels[0] = models.size();
            register.addModels(models, now);
            register.add(entries, now);
            tx.audit().record(actor, now, "register.import", "register", null,
                    "{\"stored\":" + entries.size() + ",\"rows\":" + result.rows() + ",\"unreadable\":"
                            + result.problems().stream().map(RegisterXlsxReader.Problem::row).distinct().count() + "}");
            return null;
        });
        return new Imported(result.entries().size(), result.rows(), newModels[0], result.problems());
    }

    /** A code, or a title's name in either language (accents optional), as a code; null when none is known. */
    String titleCode(String written) {
        return byName.get(Texts.folded(written));
    }

    void exportXlsx(Words words, OutputStream out) throws IOException {
        try (RegisterXlsxWriter writer = new RegisterXlsxWriter(words, code -> titleName(code, words))) {
            writer.write(add -> store.read(tx -> {
                tx.register().each(e -> {
                    if (!e.revoked()) {
                        add.accept(new RegisterXlsxWriter.Line(e.modelCode(), e.year(), e.level(), e.title(), e.name(), e.type(),
                                e.commune(), e.district(), e.city(), e.decisionNumber(), e.decisionDate(), e.issuer()));
                    }
                });
                return null;
            }), out);
        }
    }
}
