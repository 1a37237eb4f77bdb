package dvk.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.app.RegisterPriors;
import dvk.domain.Batch;
import dvk.domain.Level;
import dvk.store.Register;
import dvk.store.Store;
import dvk.store.VersionPriors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The register feeding an upload's evaluation ({@link RegisterPriors}): the titles of the model
 * codes a batch carries, read from the store; and what was merged, kept with the version as JSON
 * and read back for its card and for evaluating it again.
 */
final class RegisterFeed {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;

    RegisterFeed(Store store) {
        this.store = store;
    }

    RegisterPriors.Result merge(Batch batch) {
        Set<String> codes = RegisterPriors.codes(batch);
        if (codes.isEmpty()) return new RegisterPriors.Result(batch, List.of());
        Map<String, List<RegisterPriors.Known>> titles = new LinkedHashMap<>();
        Set<String> known = store.read(tx -> {
            Set<String> found = tx.register().known(codes);
            tx.register().titlesOf(found).forEach((code, entries) -> titles.put(code, entries.stream()
                    .map(e -> new RegisterPriors.Known(e.year(), Level.valueOf(e.level()), e.title(), e.decisionNumber())).toList()));
            return found;
        });
        return RegisterPriors.merge(batch, titles, known);
    }

    static List<VersionPriors.Stored> stored(List<RegisterPriors.Merged> merged) {
        List<VersionPriors.Stored> stored = new ArrayList<>(merged.size());
        try {
            for (RegisterPriors.Merged m : merged) {
                stored.add(new VersionPriors.Stored(m.position(), m.modelCode(), m.known(), JSON.writeValueAsString(m.priors()),
                        JSON.writeValueAsString(m.flags())));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return stored;
    }

    /** The priors given to the rules, by position, as stored with a version. */
    static Map<Integer, List<RegisterPriors.Prior>> replayed(Map<Integer, VersionPriors.Stored> stored) {
        Map<Integer, List<RegisterPriors.Prior>> priors = new LinkedHashMap<>();
        stored.forEach((position, s) -> priors.put(position, priors(s)));
        return priors;
    }

    static List<RegisterPriors.Prior> priors(VersionPriors.Stored stored) {
        List<RegisterPriors.Prior> priors = new ArrayList<>();
        for (JsonNode p : read(stored.priorsJson())) {
            priors.add(new RegisterPriors.Prior(p.path("year").asInt(), Level.valueOf(p.path("level").asText()), p.path("title").asText(),
                    p.path("source").asText(), p.path("decisionNumber").isNull() ? null : p.path("decisionNumber").asText(null)));
        }
        return priors;
    }

    static List<RegisterPriors.Flag> flags(VersionPriors.Stored stored) {
        List<RegisterPriors.Flag> flags = new ArrayList<>();
        for (JsonNode f : read(stored.flagsJson())) {
            List<Integer> years = new ArrayList<>();
            f.path("registerYears").forEach(y -> years.add(y.asInt()));
            flags.add(new RegisterPriors.Flag(f.path("year").asInt(), Level.valueOf(f.path("level").asText()), f.path("title").asText(),
                    years));
        }
        return flags;
    }

    /** {@code khai DISTRICT_MODEL 2022; sổ đăng ký không có}, in the reader's language. */
    static String flagText(RegisterPriors.Flag flag, dvk.report.Words words) {
        if (flag.none()) return words.text("register.flag.none", flag.title(), String.valueOf(flag.year()));
        return words.text("register.flag.otherYear", flag.title(), String.valueOf(flag.year()),
                String.join(", ", flag.registerYears().stream().map(String::valueOf).toList()));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
