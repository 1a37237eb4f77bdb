package dvk.report.papers;

import dvk.report.Words;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/**
 * The draft decisions, one per issuing body, each a section of one Word file: the heading (a
 * "DỰ THẢO" mark, the body, number and date to fill, the national name and motto), "QUYẾT ĐỊNH /
 * Về việc khen thưởng …", the body deciding, the legal bases, the proposal considered, Điều 1 (the
 * titles to the awardees of the annex), Điều 2 (the council's standing body; the bonus as the
 * regulations say), Điều 3 (who implements it), the recipients and the signature left to fill,
 * then the annex on a new page: one table per title.
 */
final class DecisionDocx {
    private DecisionDocx() {}

    static void write(Papers papers, OutputStream out) throws IOException {
        Words words = papers.words();
        OfficialDocument document = new OfficialDocument(words, words.text("papers.decision.title") + " – "
                + papers.subject("papers.decision.subject", papers.awardedTitles()).replace('\n', ' '));
        List<DecisionDraft> drafts = papers.decisions();
        if (drafts.isEmpty()) {
            document.body(papers.withYear("papers.decision.none"), OfficialDocument.Look.plain(14));
        }
        for (int i = 0; i < drafts.size(); i++) {
            if (i > 0) document.endSection();
            decision(document, papers, drafts.get(i));
        }
        document.write(out);
    }

    private static void decision(OfficialDocument document, Papers papers, DecisionDraft draft) {
        Words words = papers.words();
        IssuingBody body = draft.body();
        if (!papers.isIssued()) document.draftMark();
        if (body.party()) {
            document.partyHeading(body.headerLines(), papers.number(body), papers.dated(body.place()));
        } else {
            document.stateHeading(List.of(), body.headerLines(), papers.number(body), papers.dated(body.place()));
        }
        document.documentTitle(words.text("papers.decision.title"), papers.subject("papers.decision.subject", draft.titles()));
        document.centre(Place.upper(body.name()), OfficialDocument.Look.bold(14), 6, 12);
        for (String basis : draft.bases()) {
            document.body(basis, OfficialDocument.Look.italic(14));
        }
        document.body(words.text("papers.decision.considering", papers.standingBody(),
                IssuingBody.BLANK + "/" + words.text("papers.proposal.symbol")), OfficialDocument.Look.italic(14));
        document.centre(words.text("papers.decision.decides"), OfficialDocument.Look.bold(14), 6, 12);

        List<TitleAwards> titles = draft.titles();
        if (titles.size() == 1) {
            document.body(article(words, 1), award(papers, titles.get(0)));
        } else {
            document.body(article(words, 1), "");
            for (int i = 0; i < titles.size(); i++) {
                document.body((i + 1) + ". " + award(papers, titles.get(i)), OfficialDocument.Look.plain(14));
            }
        }
        document.body(article(words, 2), capitalised(words.text("papers.decision.article2", papers.standingBody())));
        document.body(article(words, 3), words.text("papers.decision.article3", capitalised(papers.standingBody())));
        document.signature(List.of(words.text("papers.decision.recipients.article3"), words.text("papers.recipients.other"),
                words.text("papers.recipients.archive", words.text("papers.proposal.archive"))),
                papers.isIssued() ? papers.issue().signer() : null);

        document.newPage(words.text("papers.annex.title"), OfficialDocument.Look.bold(14));
        document.centre(papers.isIssued()
                        ? words.text("register.papers.annexReference", papers.issue().number(), papers.issue().date().getDayOfMonth(),
                                papers.issue().date().getMonthValue(), String.valueOf(papers.issue().date().getYear()), body.name())
                        : words.text("papers.decision.annex.reference", body.numberToFill(), body.name()),
                OfficialDocument.Look.italic(14), 0, 0);
        document.rule(0.25);
        for (int i = 0; i < titles.size(); i++) {
            AwardTable.print(document, i + 1, titles.get(i), false);
        }
    }

    /** Điều 1: {@code Tặng Giấy khen … cho 13 tập thể và 2 cá nhân có tên trong danh sách kèm theo …}. */
    static String award(Papers papers, TitleAwards title) {
        Words words = papers.words();
        return words.text("papers.decision.award." + title.form(), title.name(words), title.count(words),
                String.valueOf(papers.year()));
    }

    private static String article(Words words, int n) {
        return words.text("papers.decision.article", String.valueOf(n));
    }

    /** A sentence that starts with a name: {@code the standing body …} in English. */
    static String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
