package dvk.report.papers;

import dvk.report.Words;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Căn cứ …" lines of a decision, from the citations of the rules that awarded its titles. A
 * citation lists sources separated by {@code ;}: {@code Law 06/2022/QH15 art. 75, art. 80(2);
 * Decision 32/2024/QĐ-UBND}. Each document is cited once, with every article any of the titles
 * cites, and named in full when the words know its number ({@code papers.document.06-2022-QH15});
 * a document they do not know is cited as the rules write it. The project's own criteria ("dvk
 * reference policy") are cited as the selection criteria of the rule set, with its fingerprint.
 */
final class LegalBases {
    /** The marker of the criteria that are this project's choice, not a regulation's (criteria.md). */
    static final String REFERENCE_POLICY = "dvk reference policy";
    /** A document's number: {@code 06/2022/QH15}, {@code 32/2024/QĐ-UBND}, {@code 70-KH/BDVTW}. */
    private static final Pattern DOCUMENT = Pattern.compile("(?U)\\b\\d+(?:[-/][\\w]+)+");
    /** {@code art. 75}, {@code art. 80(2)}, {@code art. 74–75}. */
    private static final Pattern ARTICLE = Pattern.compile("(?U)\\bart\\.\\s*(\\d+)(?:\\((\\d+)\\))?(?:\\s*[–-]\\s*(\\d+))?");

    private LegalBases() {}

    /**
     * @param cites the citations, in the order of the titles, each once
     * @param criteria the words for the project's own criteria: the year, the rule set, its fingerprint
     */
    static List<String> of(List<String> cites, Words words, Object... criteria) {
        Map<String, Basis> bases = new LinkedHashMap<>();
        for (String cite : cites) {
            if (cite == null) continue;
            for (String source : cite.split(";")) {
                source = source.strip();
                if (source.isEmpty()) continue;
                if (source.toLowerCase(Locale.ROOT).startsWith(REFERENCE_POLICY)) {
                    bases.putIfAbsent(REFERENCE_POLICY, Basis.line(words.text("papers.basis.criteria", criteria)));
                    continue;
                }
                Matcher document = DOCUMENT.matcher(source);
                if (!document.find() || !words.has(documentKey(document.group()))) {
                    bases.putIfAbsent("as written: " + source, Basis.line(words.text("papers.basis", source)));
                    continue;
                }
                String key = documentKey(document.group());
                Basis basis = bases.computeIfAbsent(key, k -> Basis.document(words.text(k)));
                Matcher article = ARTICLE.matcher(source);
                while (article.find()) {
                    basis.article(articleWords(article, words));
                }
            }
        }
        List<String> lines = new ArrayList<>();
        for (Basis basis : bases.values()) {
            lines.add(basis.line(words));
        }
        return lines;
    }

    /** The key of a document's full name: {@code papers.document.32-2024-QD-UBND}. */
    static String documentKey(String number) {
        String ascii = Normalizer.normalize(number.replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return "papers.document." + ascii.replaceAll("[^A-Za-z0-9]+", "-");
    }

    private static String articleWords(Matcher article, Words words) {
        if (article.group(3) != null) return words.text("papers.article.range", article.group(1), article.group(3));
        if (article.group(2) != null) return words.text("papers.article.clause", article.group(1), article.group(2));
        return words.text("papers.article", article.group(1));
    }

    /** A document and the articles cited of it, or a line complete as it is. */
    private static final class Basis {
        private final String text;
        private final boolean complete;
        private final List<String> articles = new ArrayList<>();

        private Basis(String text, boolean complete) {
            this.text = text;
            this.complete = complete;
        }

        static Basis document(String name) {
            return new Basis(name, false);
        }

        static Basis line(String line) {
            return new Basis(line, true);
        }

        void article(String article) {
            if (!articles.contains(article)) articles.add(article);
        }

        String line(Words words) {
            if (complete) return text;
            return articles.isEmpty() ? words.text("papers.basis", text)
                    : words.text("papers.basis.articles", Counting.joined(articles, words), text);
        }
    }
}
