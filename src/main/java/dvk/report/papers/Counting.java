package dvk.report.papers;

import dvk.report.Words;
import java.util.ArrayList;
import java.util.List;

/** How many of each kind a list holds, in words: {@code 25 tập thể và 2 cá nhân}, {@code 5 công trình}. */
final class Counting {
    private static final List<String> KINDS = List.of("COLLECTIVE", "INDIVIDUAL", "WORK");
    private static final List<String> KEYS = List.of("papers.count.collectives", "papers.count.individuals", "papers.count.works");

    private Counting() {}

    static String of(List<Awardee> awardees, Words words) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < KINDS.size(); i++) {
            String kind = KINDS.get(i);
            long n = awardees.stream().filter(a -> a.kindKey().equals(kind)).count();
            if (n > 0) parts.add(words.text(n == 1 ? KEYS.get(i) + ".one" : KEYS.get(i), n));
        }
        return parts.isEmpty() ? words.text("papers.count.none") : joined(parts, words);
    }

    /** {@code a}, {@code a và b}, {@code a, b và c}. */
    static String joined(List<String> parts, Words words) {
        if (parts.size() <= 1) return String.join("", parts);
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " " + words.text("papers.and") + " "
                + parts.get(parts.size() - 1);
    }
}
