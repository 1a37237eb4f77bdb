package dvk.app;

import dvk.domain.Batch;
import dvk.domain.Indexed;
import dvk.domain.Level;
import dvk.domain.Nomination;
import dvk.domain.PriorRecognition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The register feeding the next review: a nomination whose {@code modelCode} the register knows
 * takes the register's titles as its prior recognitions, merged with those typed in the batch,
 * each marked with where it comes from; every typed recognition the register lacks, or holds in
 * another year, is flagged, and still given to the rules (nothing typed is dropped unseen: the
 * council sees the flag and decides). A code the register does not know is noted, and the typed
 * recognitions stand alone.
 */
public final class RegisterPriors {
    public static final String REGISTER = "register";
    public static final String TYPED = "typed";
    /** Typed, and in the register too. */
    public static final String BOTH = "both";

    /** A title the register holds for a model: the year of the review that granted it. */
    public record Known(int year, Level level, String title, String decisionNumber) {}

    /** A prior recognition as given to the rules, with its source. */
    public record Prior(int year, Level level, String title, String source, String decisionNumber) {}

    /**
     * A typed claim the register does not back: {@code registerYears} are the years it holds that
     * title in (empty: it has none).
     */
    public record Flag(int year, Level level, String title, List<Integer> registerYears) {
        public Flag {
            registerYears = List.copyOf(registerYears);
        }

        public boolean none() {
            return registerYears.isEmpty();
        }
    }

    /** One nomination's: at its position in the input, the code it carried and whether the register knows it. */
    public record Merged(int position, String modelCode, boolean known, List<Prior> priors, List<Flag> flags) {
        public Merged {
            priors = List.copyOf(priors);
            flags = List.copyOf(flags);
        }
    }

    /** The batch as the rules see it, and what was merged for each nomination that carried a code. */
    public record Result(Batch batch, List<Merged> merged) {}

    private static final Comparator<Prior> ORDER = Comparator.comparingInt(Prior::year).thenComparing(p -> p.level().ordinal())
            .thenComparing(Prior::title);

    private RegisterPriors() {}

    /** The model codes a batch's nominations carry. */
    public static Set<String> codes(Batch batch) {
        Set<String> codes = new TreeSet<>();
        for (Indexed<Nomination> n : batch.accepted()) {
            if (n.value().modelCode() != null && !n.value().modelCode().isBlank()) codes.add(n.value().modelCode().strip());
        }
        return codes;
    }

    /** Merges the register's titles ({@code register}: by code, for each code it knows) into the batch. */
    public static Result merge(Batch batch, Map<String, List<Known>> register, Set<String> known) {
        List<Indexed<Nomination>> accepted = new ArrayList<>(batch.accepted().size());
        List<Merged> merged = new ArrayList<>();
        for (Indexed<Nomination> indexed : batch.accepted()) {
            Nomination n = indexed.value();
            String code = n.modelCode() == null ? null : n.modelCode().strip();
            if (code == null || code.isEmpty()) {
                accepted.add(indexed);
                continue;
            }
            Merged one = known.contains(code) ? merged(indexed.index(), code, n.priorRecognitions(), register.getOrDefault(code, List.of()))
                    : new Merged(indexed.index(), code, false, typed(n.priorRecognitions()), List.of());
            merged.add(one);
            accepted.add(new Indexed<>(indexed.index(), withPriors(n, one.priors())));
        }
        return new Result(new Batch(batch.year(), accepted, batch.rejected(), batch.warnings()), merged);
    }

    /** The batch with the priors merged when it was first evaluated, by position: the same evaluation again. */
    public static Batch replay(Batch batch, Map<Integer, List<Prior>> priors) {
        if (priors.isEmpty()) return batch;
        List<Indexed<Nomination>> accepted = new ArrayList<>(batch.accepted().size());
        for (Indexed<Nomination> indexed : batch.accepted()) {
            List<Prior> stored = priors.get(indexed.index());
            accepted.add(stored == null ? indexed : new Indexed<>(indexed.index(), withPriors(indexed.value(), stored)));
        }
        return new Batch(batch.year(), accepted, batch.rejected(), batch.warnings());
    }

    static Merged merged(int position, String code, List<PriorRecognition> typed, List<Known> register) {
        List<Prior> priors = new ArrayList<>();
        List<Flag> flags = new ArrayList<>();
        Set<String> matched = new LinkedHashSet<>();
        for (PriorRecognition claim : typed) {
            Known same = register.stream().filter(k -> k.year() == claim.year() && k.title().equals(claim.title())).findFirst().orElse(null);
            if (same != null) {
                matched.add(key(same));
                priors.add(new Prior(claim.year(), same.level(), claim.title(), BOTH, same.decisionNumber()));
                continue;
            }
            priors.add(new Prior(claim.year(), claim.level(), claim.title(), TYPED, null));
            List<Integer> years = register.stream().filter(k -> k.title().equals(claim.title())).map(Known::year).distinct().sorted().toList();
            flags.add(new Flag(claim.year(), claim.level(), claim.title(), years));
        }
        for (Known k : register) {
            if (!matched.contains(key(k))) priors.add(new Prior(k.year(), k.level(), k.title(), REGISTER, k.decisionNumber()));
        }
        priors.sort(ORDER);
        return new Merged(position, code, true, priors, flags);
    }

    private static String key(Known k) {
        return k.year() + "|" + k.title();
    }

    private static List<Prior> typed(List<PriorRecognition> typed) {
        return typed.stream().map(p -> new Prior(p.year(), p.level(), p.title(), TYPED, null)).toList();
    }

    private static Nomination withPriors(Nomination n, List<Prior> priors) {
        List<PriorRecognition> recognitions = new ArrayList<>(priors.size());
        // a title held twice in one year (typed and in the register, or two decisions) counts once
        Set<String> seen = new LinkedHashSet<>();
        for (Prior p : priors) {
            if (seen.add(p.year() + "|" + p.level() + "|" + p.title())) recognitions.add(new PriorRecognition(p.year(), p.level(), p.title()));
        }
        return new Nomination(n.id(), n.name(), n.type(), n.kind(), n.field(), n.sponsor(), n.commune(), n.district(), n.city(),
                n.startDate(), n.completedDate(), n.fundsVnd(), n.laborDays(), n.beneficiaries(), n.replicationSites(),
                n.approvalPercent(), n.totalValueVnd(), n.peopleContributionVnd(), recognitions, n.violations(), n.dossier(),
                n.modelCode(), n.notes());
    }
}
