package dvk.report.papers;

import dvk.domain.NominationType;
import dvk.domain.TitleDefinition;
import dvk.report.Words;
import java.util.List;
import java.util.regex.Pattern;

/** A title and those who hold it from one issuing body, in the order of the batch. */
public record TitleAwards(TitleDefinition title, IssuingBody body, List<Awardee> awardees) {
    /** Titles given as a certificate: "Tặng Giấy khen …". */
    private static final Pattern CERTIFICATE = Pattern.compile("(?iU)^(giấy khen|bằng khen|cờ thi đua|huân chương|huy chương)\\b");
    /** Titles a holder is recognised as: "Công nhận Mô hình … tiêu biểu …". */
    private static final Pattern RECOGNITION = Pattern.compile("(?iU)^(mô hình|danh hiệu|tập thể|chiến sĩ|lao động)\\b");

    public TitleAwards {
        awardees = List.copyOf(awardees);
    }

    /** The title's name in the papers' language. */
    public String name(Words words) {
        return words.isVietnamese() ? title.nameVi() : title.nameEn();
    }

    /** Works have no score: their lists have no score column. */
    public boolean scored() {
        return title.appliesTo() != NominationType.WORK;
    }

    /**
     * How a decision grants it, read from the Vietnamese name: a certificate is given ({@code Tặng}),
     * a title recognised ({@code Công nhận}), and a name that is itself the act ({@code Gắn biển
     * công trình …}) stands alone.
     */
    String form() {
        if (CERTIFICATE.matcher(title.nameVi()).find()) return "certificate";
        if (RECOGNITION.matcher(title.nameVi()).find()) return "recognition";
        return "other";
    }

    /** {@code 25 tập thể và 2 cá nhân}, {@code 5 công trình}. */
    public String count(Words words) {
        return Counting.of(awardees, words);
    }
}
