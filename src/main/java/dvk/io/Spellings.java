package dvk.io;

import dvk.domain.Phrase;
import dvk.domain.Warning;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every way a batch spells its districts and communes, counted as the records are read, and what a
 * person should hear about them: two spellings counted as one name ({@code huyện Gia Lâm} with
 * {@code Gia Lâm}, a trailing space, decomposed Unicode), and names counted apart that differ only
 * in accents or case ({@code Gia Lâm}, {@code Gia Lam}), which may be one place typed two ways.
 * Memory grows with the names, not the records: at most {@link Warning#MOST_IDS} ids a spelling, and
 * at most {@link #MOST_NAMES} districts and as many communes are followed (a batch of a million
 * records with a million commune names would otherwise keep them all); names past them are cleaned
 * and counted as any other, only not warned of.
 */
final class Spellings {
    /** One way a name was typed, as it was typed. */
    private static final class Spelling {
        final String typed;
        int count;
        final List<String> ids = new ArrayList<>();

        Spelling(String typed) {
            this.typed = typed;
        }
    }

    /** A name as it is counted (cleaned, without its prefix), and the spellings counted as it. */
    private static final class Name {
        final String district;
        final String canonical;
        final Map<String, Spelling> spellings = new LinkedHashMap<>();
        int count;

        Name(String district, String canonical) {
            this.district = district;
            this.canonical = canonical;
        }

        void add(String typed, String record) {
            Spelling spelling = spellings.computeIfAbsent(typed, Spelling::new);
            spelling.count++;
            if (spelling.ids.size() < Warning.MOST_IDS) spelling.ids.add(record);
            count++;
        }

        List<String> ids() {
            List<String> ids = new ArrayList<>();
            spellings.values().forEach(s -> ids.addAll(s.ids));
            return ids;
        }
    }

    static final int MOST_NAMES = 20_000;

    private final Map<String, Name> districts = new LinkedHashMap<>();
    /** Communes by district and name: a commune's name is counted within its district. */
    private final Map<List<String>, Name> communes = new LinkedHashMap<>();

    /** A record's district as typed, and as it is counted. */
    void district(String typed, String canonical, String record) {
        Name name = districts.get(canonical);
        if (name == null) {
            if (districts.size() >= MOST_NAMES) return;
            name = new Name(null, canonical);
            districts.put(canonical, name);
        }
        name.add(typed, record);
    }

    /** A record's commune as typed and as counted, within its district (as counted, or null). */
    void commune(String district, String typed, String canonical, String record) {
        String within = district == null ? "" : district;
        List<String> key = List.of(within, canonical);
        Name name = communes.get(key);
        if (name == null) {
            if (communes.size() >= MOST_NAMES) return;
            name = new Name(within, canonical);
            communes.put(key, name);
        }
        name.add(typed, record);
    }

    List<Warning> warnings() {
        List<Warning> warnings = new ArrayList<>();
        districts.values().forEach(name -> merged(name, warnings));
        communes.values().forEach(name -> merged(name, warnings));
        similar(districts.values(), warnings);
        Map<String, List<Name>> byDistrict = new LinkedHashMap<>();
        communes.values().forEach(n -> byDistrict.computeIfAbsent(n.district, d -> new ArrayList<>()).add(n));
        byDistrict.values().forEach(names -> similar(names, warnings));
        return warnings;
    }

    /** A warning for each spelling of a name that is not the name as counted, when it was spelled more than one way. */
    private static void merged(Name name, List<Warning> warnings) {
        if (name.spellings.size() < 2) return;
        for (Spelling spelling : name.spellings.values()) {
            if (spelling.typed.equals(name.canonical)) continue;
            Phrase decomposed = Normalizer.isNormalized(spelling.typed, Normalizer.Form.NFC)
                    ? Phrase.of("input.warning.asTyped") : Phrase.of("input.warning.decomposed");
            Phrase message = name.district == null
                    ? Phrase.of("input.warning.district.merged", BatchException.shown(spelling.typed), decomposed,
                            records(spelling.count), name.canonical, name.count - spelling.count)
                    : Phrase.of("input.warning.commune.merged", BatchException.shown(spelling.typed), decomposed,
                            records(spelling.count), name.canonical, name.count - spelling.count, name.district);
            warnings.add(new Warning(Warning.NAME_MERGED, message, spelling.ids));
        }
    }

    /** A warning for names counted apart that differ only in accents or case. */
    private static void similar(Iterable<Name> names, List<Warning> warnings) {
        Map<String, List<Name>> byFolded = new LinkedHashMap<>();
        for (Name name : names) byFolded.computeIfAbsent(Names.folded(name.canonical), k -> new ArrayList<>()).add(name);
        for (List<Name> alike : byFolded.values()) {
            if (alike.size() < 2) continue;
            List<Name> byCount = new ArrayList<>(alike);
            byCount.sort(Comparator.comparingInt((Name n) -> -n.count)); // stable: first seen first among equals
            List<Phrase> counted = byCount.stream().map(n -> Phrase.of("input.warning.nameCount", n.canonical, records(n.count))).toList();
            Name first = byCount.get(0);
            Phrase message = first.district == null
                    ? Phrase.of("input.warning.district.similar", counted)
                    : Phrase.of("input.warning.commune.similar", counted, first.district);
            List<String> ids = new ArrayList<>();
            byCount.subList(1, byCount.size()).forEach(n -> ids.addAll(n.ids()));
            warnings.add(new Warning(Warning.NAME_SIMILAR, message, ids.subList(0, Math.min(ids.size(), Warning.MOST_IDS))));
        }
    }

    private static Phrase records(int count) {
        return Phrase.of("input.records", count);
    }
}
