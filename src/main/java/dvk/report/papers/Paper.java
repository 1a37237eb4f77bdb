package dvk.report.papers;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/** The meeting papers, each a file named by the batch's year, in the order they are written. */
public enum Paper {
    /** The proposal of the emulation council's standing body: {@code to-trinh-2024.docx}. */
    PROPOSAL("to-trinh-%d.docx"),
    /** The draft decisions, one per issuing body: {@code du-thao-quyet-dinh-2024.docx}. */
    DRAFT_DECISIONS("du-thao-quyet-dinh-%d.docx"),
    /** The lists of the annexes, one sheet per title: {@code danh-sach-khen-thuong-2024.xlsx}. */
    AWARD_LIST("danh-sach-khen-thuong-%d.xlsx");

    private final String name;

    Paper(String name) {
        this.name = name;
    }

    public String fileName(int year) {
        return String.format(Locale.ROOT, name, year);
    }

    public void write(Papers papers, OutputStream out) throws IOException {
        switch (this) {
            case PROPOSAL -> ProposalDocx.write(papers, out);
            case DRAFT_DECISIONS -> DecisionDocx.write(papers, out);
            case AWARD_LIST -> AwardListXlsx.write(papers, out);
        }
    }
}
