package dvk.report.papers;

import dvk.report.Words;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTHdrFtrRef;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPBdr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTParaRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * A Word document laid out as Decree 30/2020/NĐ-CP lays out an administrative document (Appendix
 * I): A4, margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; the heading with
 * the issuing body at the top left and the national name and motto at the top right (a Party
 * committee's: "ĐẢNG CỘNG SẢN VIỆT NAM"); the page number at the top centre from the second page.
 * Several documents in one file are sections, each numbered from 1. Sizes are in points, lengths in
 * twentieths of a point (twips), as Word counts them.
 */
final class OfficialDocument {
    static final String FONT = "Times New Roman";
    static final int PAGE_WIDTH = 11906;
    static final int PAGE_HEIGHT = 16838;
    static final int TOP = mm(20);
    static final int BOTTOM = mm(20);
    static final int LEFT = mm(30);
    static final int RIGHT = mm(15);
    /** Where the running page number sits, above the text. */
    static final int HEADER = mm(10);
    static final int BODY_WIDTH = PAGE_WIDTH - LEFT - RIGHT;
    /** The heading's left column: the issuing body, its number. */
    static final int HEADING_LEFT = mm(84);
    /** A first-line indent of the text (1–1.27 cm). */
    static final int INDENT = mm(10);

    /** How a run of text looks. */
    record Look(double size, boolean bold, boolean italic, boolean underline) {
        static Look plain(double size) {
            return new Look(size, false, false, false);
        }

        static Look bold(double size) {
            return new Look(size, true, false, false);
        }

        static Look italic(double size) {
            return new Look(size, false, true, false);
        }

        Look underlined() {
            return new Look(size, bold, italic, true);
        }
    }

    private final XWPFDocument document = new XWPFDocument();
    private final Words words;
    private final List<CTHdrFtrRef> headers;

    OfficialDocument(Words words, String title) {
        this.words = words;
        XWPFStyles styles = document.createStyles();
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setCs(FONT);
        fonts.setEastAsia(FONT);
        styles.setDefaultFonts(fonts);
        styles.setSpellingLanguage(words.isVietnamese() ? "vi-VN" : "en-GB");
        XWPFHeader header = document.createHeader(HeaderFooterType.DEFAULT);
        XWPFParagraph number = header.getParagraphArray(0) != null ? header.getParagraphArray(0) : header.createParagraph();
        number.setAlignment(ParagraphAlignment.CENTER);
        CTSimpleField page = number.getCTP().addNewFldSimple();
        page.setInstr(" PAGE ");
        // the field's run holds the number shown until the reader updates fields
        XWPFRun shown = new XWPFRun(page.addNewR(), number);
        look(shown, Look.plain(13));
        shown.setText("1");
        document.createHeader(HeaderFooterType.FIRST); // no number on a first page
        CTSectPr last = document.getDocument().getBody().isSetSectPr()
                ? document.getDocument().getBody().getSectPr() : document.getDocument().getBody().addNewSectPr();
        this.headers = last.getHeaderReferenceList().stream().map(r -> (CTHdrFtrRef) r.copy()).toList();
        pageSetup(last);
        // POI stamps a new package with the current time; papers of the same evaluation should not differ by it
        document.getProperties().getCoreProperties().setCreated(Optional.empty());
        document.getProperties().getCoreProperties().setTitle(title);
        document.getProperties().getCoreProperties().setCreator("dvk");
    }

    static int mm(double millimetres) {
        return (int) Math.round(millimetres * 1440 / 25.4);
    }

    Words words() {
        return words;
    }

    /** A4, the decree's margins, the first page without its number, numbered from 1. */
    private void pageSetup(CTSectPr section) {
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(TOP));
        margins.setBottom(BigInteger.valueOf(BOTTOM));
        margins.setLeft(BigInteger.valueOf(LEFT));
        margins.setRight(BigInteger.valueOf(RIGHT));
        margins.setHeader(BigInteger.valueOf(HEADER));
        margins.setFooter(BigInteger.valueOf(HEADER));
        margins.setGutter(BigInteger.ZERO);
        if (!section.isSetTitlePg()) section.addNewTitlePg();
        (section.isSetPgNumType() ? section.getPgNumType() : section.addNewPgNumType()).setStart(BigInteger.ONE);
    }

    /**
     * Ends the document so far as a section: what follows starts on a new page, numbered from 1,
     * under the same page set-up and running header.
     */
    void endSection() {
        XWPFParagraph end = document.createParagraph();
        compact(end);
        CTSectPr section = properties(end).addNewSectPr();
        for (CTHdrFtrRef header : headers) {
            CTHdrFtrRef ref = section.addNewHeaderReference();
            ref.setType(header.getType());
            ref.setId(header.getId());
        }
        pageSetup(section);
    }

    // ---- the heading

    /**
     * The heading of a State document: the issuing body at the top left (the superior body in plain
     * capitals, the body itself in bold) over a short rule, the number under it; the national name
     * and the motto, underlined, at the top right, the place and date under them.
     */
    void stateHeading(List<String> superior, List<String> body, String number, String dated) {
        XWPFTable table = headingTable();
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        XWPFParagraph first = left.getParagraphArray(0);
        for (String line : superior) {
            text(paragraphIn(left, first), line, Look.plain(12));
            first = null;
        }
        for (String line : body) {
            text(paragraphIn(left, first), line, Look.bold(12));
            first = null;
        }
        rule(left.addParagraph(), HEADING_LEFT, 1.0 / 3);
        text(centred(right.getParagraphArray(0)), words.text("papers.nation"), Look.bold(12));
        text(centred(right.addParagraph()), words.text("papers.motto"), Look.bold(13).underlined());
        datedRow(table, number, dated);
    }

    /**
     * The heading of a Party committee's document (Guidance 36-HD/VPTW): the committee at the top
     * left over a star, "ĐẢNG CỘNG SẢN VIỆT NAM" underlined at the top right.
     */
    void partyHeading(List<String> body, String number, String dated) {
        XWPFTable table = headingTable();
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        XWPFParagraph first = left.getParagraphArray(0);
        for (String line : body) {
            text(paragraphIn(left, first), line, Look.bold(13.5));
            first = null;
        }
        text(centred(left.addParagraph()), "*", Look.plain(13));
        text(centred(right.getParagraphArray(0)), words.text("papers.party"), Look.bold(14).underlined());
        datedRow(table, number, dated);
    }

    private void datedRow(XWPFTable table, String number, String dated) {
        XWPFTableRow row = table.createRow();
        XWPFParagraph left = centred(row.getCell(0).getParagraphArray(0));
        left.setSpacingBefore(pt(6));
        text(left, number, Look.plain(13));
        XWPFParagraph right = centred(row.getCell(1).getParagraphArray(0));
        right.setSpacingBefore(pt(6));
        text(right, dated, Look.italic(14));
    }

    private XWPFTable headingTable() {
        XWPFTable table = document.createTable(1, 2);
        borderless(table);
        // the national name needs the width: the table reaches a little into the margins, as Word's templates do
        columns(table, -mm(8), HEADING_LEFT, BODY_WIDTH - HEADING_LEFT + mm(14));
        return table;
    }

    /** A small box at the top right of a draft: {@code DỰ THẢO}. */
    void draftMark() {
        XWPFParagraph mark = document.createParagraph();
        mark.setAlignment(ParagraphAlignment.CENTER);
        mark.setIndentationLeft(BODY_WIDTH - mm(28));
        mark.setSpacingAfter(pt(6));
        CTPBdr borders = properties(mark).addNewPBdr();
        for (CTBorder border : List.of(borders.addNewTop(), borders.addNewBottom(), borders.addNewLeft(), borders.addNewRight())) {
            border.setVal(STBorder.SINGLE);
            border.setSz(BigInteger.valueOf(6));
            border.setSpace(BigInteger.valueOf(1));
            border.setColor("auto");
        }
        text(mark, words.text("papers.draft"), Look.bold(12));
    }

    // ---- paragraphs

    /** The name of the document and its summary, centred in bold, a short rule under them. */
    void documentTitle(String name, String subject) {
        XWPFParagraph title = centred(document.createParagraph());
        title.setSpacingBefore(pt(18));
        text(title, name, Look.bold(14));
        text(centred(document.createParagraph()), subject, Look.bold(14));
        rule(document.createParagraph(), BODY_WIDTH, 0.25);
    }

    /** A centred paragraph. */
    XWPFParagraph centre(String text, Look look, int before, int after) {
        XWPFParagraph paragraph = centred(document.createParagraph());
        paragraph.setSpacingBefore(pt(before));
        paragraph.setSpacingAfter(pt(after));
        text(paragraph, text, look);
        return paragraph;
    }

    /** A paragraph of the text: justified, its first line indented, 6 pt after it. */
    XWPFParagraph body(String text, Look look) {
        XWPFParagraph paragraph = bodyParagraph();
        text(paragraph, text, look);
        return paragraph;
    }

    /** A paragraph of the text that starts with a bold lead: {@code Điều 1.} */
    XWPFParagraph body(String lead, String text) {
        XWPFParagraph paragraph = bodyParagraph();
        text(paragraph, lead + " ", Look.bold(14));
        text(paragraph, text, Look.plain(14));
        return paragraph;
    }

    private XWPFParagraph bodyParagraph() {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.BOTH);
        paragraph.setIndentationFirstLine(INDENT);
        paragraph.setSpacingBefore(0);
        paragraph.setSpacingAfter(pt(6));
        paragraph.setSpacingBetween(1.1);
        return paragraph;
    }

    /**
     * "Kính gửi:" and who the document goes to: on one line for one addressee, else a list under
     * one another, each a dash, the last ending with a full stop.
     */
    void addressees(String label, List<String> names) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setSpacingBefore(pt(6));
        paragraph.setSpacingAfter(pt(12));
        if (names.size() <= 1) {
            paragraph.setAlignment(ParagraphAlignment.CENTER);
            text(paragraph, label + " " + (names.isEmpty() ? "……" : names.get(0)), Look.plain(14));
            return;
        }
        int indent = mm(52);
        paragraph.setIndentationLeft(indent);
        paragraph.setIndentationHanging(mm(24));
        CTTabStop tab = properties(paragraph).addNewTabs().addNewTab();
        tab.setVal(STTabJc.LEFT);
        tab.setPos(BigInteger.valueOf(indent));
        StringBuilder list = new StringBuilder(label).append('\t');
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) list.append('\n');
            list.append("- ").append(names.get(i)).append(i == names.size() - 1 ? "." : ";");
        }
        text(paragraph, list.toString(), Look.plain(14));
    }

    /** A heading of a part, in bold at the left, kept with what follows it: {@code 1. Kết quả xét chọn}. */
    XWPFParagraph heading(String text) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.BOTH);
        paragraph.setIndentationFirstLine(INDENT);
        paragraph.setSpacingBefore(pt(6));
        paragraph.setSpacingAfter(pt(6));
        paragraph.setKeepNext(true);
        text(paragraph, text, Look.bold(14));
        return paragraph;
    }

    /** A paragraph starting a new page: an annex. */
    XWPFParagraph newPage(String text, Look look) {
        XWPFParagraph paragraph = centre(text, look, 0, 0);
        paragraph.setPageBreak(true);
        return paragraph;
    }

    void rule(double share) {
        rule(document.createParagraph(), BODY_WIDTH, share);
    }

    // ---- tables

    /**
     * A table with a bold header row repeated on every page, rows that do not break across pages,
     * and the given column widths; a null cell is left empty, a right-aligned column is numeric.
     */
    XWPFTable table(List<String> header, List<List<String>> rows, int[] widths, boolean[] centred, double size) {
        XWPFTable table = document.createTable(rows.size() + 1, header.size());
        columns(table, 0, widths);
        table.setCellMargins(mm(0.5), mm(1.5), mm(0.5), mm(1.5));
        for (int r = 0; r <= rows.size(); r++) {
            XWPFTableRow row = table.getRow(r);
            row.setCantSplitRow(true);
            List<String> values = r == 0 ? header : rows.get(r - 1);
            if (r == 0) row.setRepeatHeader(true);
            for (int c = 0; c < values.size(); c++) {
                XWPFTableCell cell = row.getCell(c);
                cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
                XWPFParagraph paragraph = cell.getParagraphArray(0);
                paragraph.setAlignment(r == 0 || centred[c] ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
                paragraph.setSpacingAfter(0);
                paragraph.setSpacingBefore(0);
                if (values.get(c) != null) text(paragraph, values.get(c), r == 0 ? Look.bold(size) : Look.plain(size));
            }
        }
        // a paragraph after a table, or the next one joins it
        compact(document.createParagraph());
        return table;
    }

    /**
     * The foot of a document: the recipients at the left, in small type; at the right who signs
     * (the office writes in the authority and position, the signature and the name; Decree 30, form 1.4).
     */
    void signature(List<String> recipients) {
        signature(recipients, null);
    }

    /** The same, with the signer's name once the decision is issued. */
    void signature(List<String> recipients, String signer) {
        XWPFTable table = document.createTable(1, 2);
        borderless(table);
        int left = BODY_WIDTH * 9 / 20;
        columns(table, 0, left, BODY_WIDTH - left);
        XWPFTableCell to = table.getRow(0).getCell(0);
        XWPFParagraph heading = to.getParagraphArray(0);
        heading.setSpacingBefore(pt(12));
        text(heading, words.text("papers.recipients"), new Look(12, true, true, false));
        for (String recipient : recipients) {
            text(to.addParagraph(), recipient, Look.plain(11));
        }
        XWPFTableCell sign = table.getRow(0).getCell(1);
        XWPFParagraph role = centred(sign.getParagraphArray(0));
        role.setSpacingBefore(pt(12));
        text(role, words.text("papers.signature.role"), Look.bold(13));
        text(centred(sign.addParagraph()), words.text("papers.signature.sign"), Look.italic(13));
        for (int i = 0; i < 4; i++) {
            text(centred(sign.addParagraph()), "", Look.plain(14));
        }
        text(centred(sign.addParagraph()), signer == null ? words.text("papers.signature.name") : signer, Look.bold(14));
        compact(document.createParagraph());
    }

    void write(OutputStream out) throws IOException {
        try (document) {
            document.write(out);
        }
    }

    // ---- helpers

    private static void columns(XWPFTable table, int indent, int... widths) {
        CTTbl ct = table.getCTTbl();
        CTTblPr properties = ct.getTblPr() != null ? ct.getTblPr() : ct.addNewTblPr();
        int total = 0;
        for (int w : widths) total += w;
        CTTblWidth width = properties.isSetTblW() ? properties.getTblW() : properties.addNewTblW();
        width.setType(STTblWidth.DXA);
        width.setW(BigInteger.valueOf(total));
        (properties.isSetTblLayout() ? properties.getTblLayout() : properties.addNewTblLayout()).setType(STTblLayoutType.FIXED);
        if (indent != 0) {
            CTTblWidth ind = properties.isSetTblInd() ? properties.getTblInd() : properties.addNewTblInd();
            ind.setType(STTblWidth.DXA);
            ind.setW(BigInteger.valueOf(indent));
        }
        CTTblGrid grid = ct.getTblGrid() != null ? ct.getTblGrid() : ct.addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) grid.removeGridCol(0);
        for (int w : widths) grid.addNewGridCol().setW(BigInteger.valueOf(w));
        for (XWPFTableRow row : table.getRows()) {
            for (int c = 0; c < widths.length && c < row.getTableCells().size(); c++) {
                row.getCell(c).setWidth(String.valueOf(widths[c]));
                row.getCell(c).setWidthType(org.apache.poi.xwpf.usermodel.TableWidthType.DXA);
            }
        }
    }

    private static void borderless(XWPFTable table) {
        table.removeBorders();
        table.setCellMargins(0, mm(1), 0, mm(1));
    }

    /**
     * A short rule under a heading, centred: a paragraph with only a top border, indented so that
     * the border is {@code share} of {@code width} long.
     */
    private static void rule(XWPFParagraph paragraph, int width, double share) {
        int side = (int) Math.round(width * (1 - share) / 2);
        paragraph.setIndentationLeft(side);
        paragraph.setIndentationRight(side);
        paragraph.setSpacingBefore(pt(5));
        compact(paragraph);
        CTBorder top = properties(paragraph).addNewPBdr().addNewTop();
        top.setVal(STBorder.SINGLE);
        top.setSz(BigInteger.valueOf(6));
        top.setSpace(BigInteger.ZERO);
        top.setColor("auto");
    }

    /**
     * A paragraph about a point high: its mark in 1 pt type, single spacing (an exact line height
     * makes LibreOffice draw a border across the line above), nothing before or after it.
     */
    private static void compact(XWPFParagraph paragraph) {
        paragraph.setSpacingAfter(0);
        paragraph.setSpacingBetween(1.0);
        CTPPr properties = properties(paragraph);
        CTParaRPr mark = properties.isSetRPr() ? properties.getRPr() : properties.addNewRPr();
        mark.addNewSz().setVal(BigInteger.valueOf(2));
        mark.addNewSzCs().setVal(BigInteger.valueOf(2));
    }

    /** The paragraph's properties: one element, which POI's setters may have made already. */
    private static CTPPr properties(XWPFParagraph paragraph) {
        return paragraph.getCTP().isSetPPr() ? paragraph.getCTP().getPPr() : paragraph.getCTP().addNewPPr();
    }

    private static XWPFParagraph paragraphIn(XWPFTableCell cell, XWPFParagraph first) {
        return centred(first != null ? first : cell.addParagraph());
    }

    private static XWPFParagraph centred(XWPFParagraph paragraph) {
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        paragraph.setSpacingAfter(0);
        return paragraph;
    }

    /** Adds the text as runs of one look; a line break for each {@code \n}, a tab for each {@code \t}. */
    static void text(XWPFParagraph paragraph, String text, Look look) {
        String[] lines = typographic(text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String[] pieces = lines[i].split("\t", -1);
            for (int p = 0; p < pieces.length; p++) {
                XWPFRun run = paragraph.createRun();
                look(run, look);
                if (i > 0 && p == 0) run.addBreak();
                if (p > 0) run.addTab();
                run.setText(pieces[p]);
            }
        }
    }

    /**
     * Straight double quotes as printed ones, as Word types them: “Dân vận khéo”. A quote opens at
     * the start, after a space or an opening bracket, and closes elsewhere.
     */
    static String typographic(String text) {
        StringBuilder printed = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '"') {
                printed.append(c);
                continue;
            }
            char before = i == 0 ? ' ' : text.charAt(i - 1);
            printed.append(Character.isWhitespace(before) || before == '(' || before == '[' ? '\u201C' : '\u201D');
        }
        return printed.toString();
    }

    private static void look(XWPFRun run, Look look) {
        run.setFontFamily(FONT);
        run.setFontSize(look.size());
        run.setBold(look.bold());
        run.setItalic(look.italic());
        if (look.underline()) run.setUnderline(UnderlinePatterns.SINGLE);
    }

    private static int pt(double points) {
        return (int) Math.round(points * 20);
    }
}
