package dvk.report.papers;

import dvk.report.Words;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The proposal (tờ trình) of the emulation council's standing body to those who decide: what was
 * reviewed and with which rule set, the counts (reviewed, qualifying, not, rejected), a table of the
 * titles proposed with their numbers and who decides each, the recipients and the signature left to
 * fill, then on a new page the lists: one table per title.
 */
final class ProposalDocx {
    private ProposalDocx() {}

    static void write(Papers papers, OutputStream out) throws IOException {
        Words words = papers.words();
        String subject = papers.subject("papers.proposal.subject", papers.awardedTitles());
        OfficialDocument document = new OfficialDocument(words, words.text("papers.proposal.title") + " – "
                + subject.replace('\n', ' '));
        String symbol = words.text("papers.proposal.symbol");
        document.stateHeading(List.of(Place.upper(papers.committee())), List.of(words.text("papers.council.header")),
                words.text("papers.number", IssuingBody.BLANK + "/" + symbol), papers.council().dated(words));
        document.documentTitle(words.text("papers.proposal.title"), subject);
        document.addressees(words.text("papers.proposal.to"), papers.addressees().stream().map(IssuingBody::name).toList());

        document.body(words.text("papers.proposal.intro", String.valueOf(papers.year()), papers.standingBody(),
                papers.records(), papers.rules(), papers.fingerprint()), OfficialDocument.Look.plain(14));
        document.heading(words.text("papers.proposal.review"));
        document.body(words.text("papers.proposal.decided", papers.decided(), papers.models(), papers.works(),
                papers.awarded(), papers.decided() - papers.awarded()), OfficialDocument.Look.plain(14));
        if (papers.rejected() > 0) {
            document.body(words.text("papers.proposal.rejected", papers.rejected()), OfficialDocument.Look.plain(14));
        }
        document.heading(words.text("papers.proposal.proposed"));
        List<List<String>> rows = new ArrayList<>();
        for (TitleAwards title : papers.titles()) {
            rows.add(List.of(String.valueOf(rows.size() + 1), title.name(words), title.count(words), title.body().name()));
        }
        document.table(List.of(words.text("papers.column.number"), words.text("papers.proposal.column.title"),
                        words.text("papers.proposal.column.count"), words.text("papers.proposal.column.issuer")),
                rows, widths(12, 63, 40, 50), new boolean[] {true, false, false, false}, 13);
        document.centre(words.text("papers.proposal.attached"), OfficialDocument.Look.italic(14), 6, 6);
        document.body(words.text("papers.proposal.closing", papers.standingBody()), OfficialDocument.Look.plain(14));
        document.signature(List.of(words.text("papers.proposal.recipients.above"),
                words.text("papers.recipients.archive", words.text("papers.proposal.archive"))));

        List<TitleAwards> awarded = papers.awardedTitles();
        if (awarded.isEmpty()) {
            document.write(out);
            return;
        }
        document.newPage(words.text("papers.proposal.annex.title"), OfficialDocument.Look.bold(14));
        document.centre(words.text("papers.proposal.annex.reference", IssuingBody.BLANK + "/" + symbol,
                papers.councilName()), OfficialDocument.Look.italic(14), 0, 0);
        document.rule(0.25);
        for (int i = 0; i < awarded.size(); i++) {
            TitleAwards title = awarded.get(i);
            boolean severalBodies = awarded.stream().filter(t -> t.title().equals(title.title())).count() > 1;
            AwardTable.print(document, i + 1, title, severalBodies);
        }
        document.write(out);
    }

    private static int[] widths(double... mm) {
        int[] widths = new int[mm.length];
        int total = 0;
        for (int i = 0; i < mm.length; i++) {
            widths[i] = OfficialDocument.mm(mm[i]);
            total += widths[i];
        }
        widths[1] += OfficialDocument.BODY_WIDTH - total;
        return widths;
    }
}
