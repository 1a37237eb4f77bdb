package dvk.report.papers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dvk.domain.Decision;
import dvk.domain.TitleDefinition;
import dvk.engine.Evaluation;
import dvk.engine.Evaluator;
import dvk.io.BatchReader;
import dvk.report.Words;
import dvk.testing.TestRules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * The papers read back as Word and Excel read them: the decisions' parts in order, the annexes'
 * rows against the evaluation itself (not the papers' own view of it), the proposal's figures,
 * the workbook's sheets, the page set-up and the type.
 */
class PaperDocumentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BAD = """
            {"id": "GL-X", "name": "Thiếu ngày", "type": "MODEL", "kind": "COLLECTIVE", "field": "ECONOMIC",
             "sponsor": "x", "commune": "Kiêu Kỵ", "district": "Gia Lâm", "city": "Hà Nội", "fundsVnd": "5",
             "dossier": {"report": true, "confirmation": true}}""";

    private static Evaluation sample;
    private static Papers papers;
    private static XWPFDocument decisions;
    private static XWPFDocument proposal;

    @BeforeAll
    static void writeThePapersOfTheSample() throws Exception {
        sample = new Evaluator(TestRules.standard()).evaluate(BatchReader.read(PapersTest.SAMPLE));
        papers = Papers.of(sample, Words.vietnamese());
        decisions = docx(Paper.DRAFT_DECISIONS, papers);
        proposal = docx(Paper.PROPOSAL, papers);
    }

    private static XWPFDocument docx(Paper paper, Papers papers) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        paper.write(papers, out);
        return new XWPFDocument(new ByteArrayInputStream(out.toByteArray()));
    }

    /** The part of a document up to a section's end: paragraphs (those in tables too) and tables, in order. */
    record Section(List<IBodyElement> elements) {
        List<String> paragraphs() {
            List<String> texts = new ArrayList<>();
            for (IBodyElement element : elements) {
                if (element instanceof XWPFParagraph p) texts.add(p.getText());
                if (element instanceof XWPFTable t) {
                    t.getRows().forEach(r -> r.getTableCells().forEach(c -> c.getParagraphs().forEach(p -> texts.add(p.getText()))));
                }
            }
            return texts;
        }

        /** The tables whose first cell is "STT": the lists. */
        List<XWPFTable> lists() {
            return elements.stream().filter(e -> e instanceof XWPFTable).map(e -> (XWPFTable) e)
                    .filter(t -> t.getRow(0).getCell(0).getText().equals("STT")).toList();
        }

        int indexOf(String paragraph) {
            return paragraphs().indexOf(paragraph);
        }
    }

    static List<Section> sections(XWPFDocument document) {
        List<Section> sections = new ArrayList<>();
        List<IBodyElement> current = new ArrayList<>();
        for (IBodyElement element : document.getBodyElements()) {
            current.add(element);
            if (element instanceof XWPFParagraph p && p.getCTP().getPPr() != null && p.getCTP().getPPr().isSetSectPr()) {
                sections.add(new Section(current));
                current = new ArrayList<>();
            }
        }
        sections.add(new Section(current));
        return sections;
    }

    /** The names of the holders of a title, in the batch's order, from the evaluation. */
    private static List<String> names(Evaluation evaluation, String title) {
        return evaluation.decisions().stream().filter(d -> d.holds(title)).map(d -> d.nomination().name()).toList();
    }

    private static List<String> column(XWPFTable table, int column) {
        return table.getRows().stream().skip(1).map(r -> r.getCell(column).getText()).toList();
    }

    @Test
    void eachIssuingBodysDecisionIsASectionWithThePartsOfAnAdministrativeDecision() {
        List<Section> sections = sections(decisions);
        assertThat(sections).hasSize(papers.decisions().size()).hasSize(6);
        for (int i = 0; i < sections.size(); i++) {
            DecisionDraft draft = papers.decisions().get(i);
            List<String> text = sections.get(i).paragraphs();
            Section section = sections.get(i);
            assertThat(text).as(draft.body().name()).contains("DỰ THẢO", "QUYẾT ĐỊNH", "QUYẾT ĐỊNH:", "Nơi nhận:",
                    "- Như Điều 3;", "QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ", "Họ và tên", "DANH SÁCH KHEN THƯỞNG",
                    Place.upper(draft.body().name()));
            if (draft.body().party()) {
                assertThat(text).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "*").doesNotContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            } else {
                assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc");
            }
            assertThat(text).containsAll(draft.body().headerLines());
            assertThat(text).anyMatch(p -> p.startsWith("Số") && p.endsWith(draft.body().decisionSymbol()));
            assertThat(text).contains("Gia Lâm, ngày       tháng       năm".replace("Gia Lâm", draft.body().place().name()));
            assertThat(text).anyMatch(p -> p.startsWith("Về việc khen thưởng") && p.endsWith("năm 2024"));
            // the bases, then the proposal considered, then the articles, in order
            int basis = section.indexOf(OfficialDocument.typographic(draft.bases().get(0)));
            assertThat(basis).as("the first basis").isPositive();
            assertThat(text.subList(basis, basis + draft.bases().size()))
                    .containsExactlyElementsOf(draft.bases().stream().map(OfficialDocument::typographic).toList());
            assertThat(text.get(basis + draft.bases().size())).startsWith("Xét đề nghị của Thường trực Hội đồng Thi đua - Khen thưởng huyện Gia Lâm");
            List<String> articles = text.stream().filter(p -> p.matches("Điều \\d\\. .*")).toList();
            assertThat(articles).extracting(p -> p.substring(0, 7)).containsExactly("Điều 1.", "Điều 2.", "Điều 3.");
            assertThat(articles.get(0)).contains(draft.titles().get(0).title().nameVi().replace('"', '“').replaceFirst("“(.*)“", "“$1”"));
        }
    }

    @Test
    void theAnnexOfEachDecisionListsTheHoldersOfItsTitleFromTheEvaluation() {
        List<Section> sections = sections(decisions);
        List<String> listed = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            DecisionDraft draft = papers.decisions().get(i);
            List<XWPFTable> lists = sections.get(i).lists();
            assertThat(lists).as(draft.body().name()).hasSameSizeAs(draft.titles());
            for (int t = 0; t < lists.size(); t++) {
                TitleDefinition title = draft.titles().get(t).title();
                XWPFTable table = lists.get(t);
                List<String> names = names(sample, title.code());
                assertThat(column(table, 1)).as(title.code()).containsExactlyElementsOf(names.stream().map(OfficialDocument::typographic).toList());
                assertThat(column(table, 0)).as("numbered").containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, names.size()).mapToObj(String::valueOf).toList());
                List<Decision> holders = sample.decisions().stream().filter(d -> d.holds(title.code())).toList();
                assertThat(column(table, 2)).containsExactlyElementsOf(holders.stream().map(d -> d.nomination().sponsor()).toList());
                assertThat(column(table, 3)).containsExactlyElementsOf(holders.stream().map(d -> d.nomination().commune()).toList());
                if (title.appliesTo() == dvk.domain.NominationType.MODEL) {
                    assertThat(table.getRow(0).getCell(5).getText()).isEqualTo("Điểm");
                    assertThat(column(table, 5)).containsExactlyElementsOf(holders.stream().map(d -> String.valueOf(d.score().total())).toList());
                } else {
                    assertThat(table.getRow(0).getTableCells()).as("works have no score").hasSize(5);
                }
                assertThat(table.getRow(0).isRepeatHeader()).as("the header row repeats on every page").isTrue();
                listed.add(title.code());
            }
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(
                sample.rules().awardedTitles().stream().map(TitleDefinition::code).filter(c -> sample.count(c) > 0).toList());
    }

    @Test
    void pagesAreA4WithTheDecreesMarginsAndTheTypeIsTimesNewRoman() {
        for (XWPFDocument document : List.of(decisions, proposal)) {
            List<CTSectPr> sections = new ArrayList<>();
            document.getParagraphs().stream().filter(p -> p.getCTP().getPPr() != null && p.getCTP().getPPr().isSetSectPr())
                    .forEach(p -> sections.add(p.getCTP().getPPr().getSectPr()));
            sections.add(document.getDocument().getBody().getSectPr());
            for (CTSectPr section : sections) {
                assertThat(section.getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
                assertThat(section.getPgSz().getH()).isEqualTo(BigInteger.valueOf(16838));
                assertThat(mm(section.getPgMar().getTop())).isBetween(20.0, 25.0);
                assertThat(mm(section.getPgMar().getBottom())).isBetween(20.0, 25.0);
                assertThat(mm(section.getPgMar().getLeft())).isBetween(30.0, 35.0);
                assertThat(mm(section.getPgMar().getRight())).isBetween(15.0, 20.0);
                assertThat(section.isSetTitlePg()).as("no page number on a first page").isTrue();
                assertThat(section.getHeaderReferenceList()).as("the page number at the top").isNotEmpty();
            }
            List<XWPFRun> runs = new ArrayList<>();
            document.getParagraphs().forEach(p -> runs.addAll(p.getRuns()));
            document.getTables().forEach(t -> t.getRows().forEach(r -> r.getTableCells()
                    .forEach(c -> c.getParagraphs().forEach(p -> runs.addAll(p.getRuns())))));
            assertThat(runs).isNotEmpty().allSatisfy(run -> {
                assertThat(run.getFontFamily()).isEqualTo("Times New Roman");
                assertThat(run.getFontSizeAsDouble()).isBetween(11.0, 14.0);
            });
        }
        XWPFRun motto = decisions.getTables().stream().flatMap(t -> t.getRows().stream()).flatMap(r -> r.getTableCells().stream())
                .flatMap(c -> c.getParagraphs().stream()).filter(p -> p.getText().equals("Độc lập - Tự do - Hạnh phúc"))
                .findFirst().orElseThrow().getRuns().get(0);
        assertThat(motto.getUnderline()).isEqualTo(UnderlinePatterns.SINGLE);
        assertThat(motto.isBold()).isTrue();
    }

    @Test
    void theDocumentsAreValidWordprocessingMl() {
        for (XWPFDocument document : List.of(decisions, proposal)) {
            List<org.apache.xmlbeans.XmlError> errors = new ArrayList<>();
            boolean valid = document.getDocument().validate(new org.apache.xmlbeans.XmlOptions().setErrorListener(errors));
            assertThat(errors).as("schema errors, which Word reports as unreadable content").isEmpty();
            assertThat(valid).isTrue();
        }
    }

    private static double mm(Object twips) {
        return Math.round(((BigInteger) twips).doubleValue() * 25.4 / 1440 * 10) / 10.0;
    }

    @Test
    void theProposalCountsTheBatchAndProposesEveryTitleWithItsLists() {
        List<String> text = sections(proposal).get(0).paragraphs();
        assertThat(text).contains("UBND HUYỆN GIA LÂM", "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc", "TỜ TRÌNH", "1. Kết quả xét chọn", "2. Đề nghị khen thưởng",
                "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG");
        assertThat(text).anyMatch(p -> p.startsWith("Kính gửi:\t- Ban Thường vụ Huyện ủy Gia Lâm;")
                && p.endsWith("- Ủy ban nhân dân thành phố Hà Nội."));
        assertThat(text).anyMatch(p -> p.contains("đã tiếp nhận 60 hồ sơ") && p.contains("rules/2024-2025"));
        long awarded = sample.decisions().stream().filter(d -> !d.awards().isEmpty()).count();
        assertThat(text).anyMatch(p -> p.startsWith("Có 60 hồ sơ được xét (46 mô hình, 14 công trình); " + awarded
                + " hồ sơ đạt ít nhất một danh hiệu"));
        assertThat(text).noneMatch(p -> p.contains("chưa được xét"));

        List<XWPFTable> tables = sections(proposal).get(0).lists();
        XWPFTable proposed = tables.get(0);
        List<TitleDefinition> titles = sample.rules().awardedTitles();
        assertThat(column(proposed, 1)).containsExactlyElementsOf(titles.stream().map(t -> OfficialDocument.typographic(t.nameVi())).toList());
        assertThat(column(proposed, 2).get(0)).isEqualTo("22 tập thể và 5 cá nhân");
        assertThat(column(proposed, 3).get(0)).isEqualTo("Ban Thường vụ Huyện ủy Gia Lâm");
        List<XWPFTable> lists = tables.subList(1, tables.size());
        List<TitleDefinition> held = titles.stream().filter(t -> sample.count(t.code()) > 0).toList();
        assertThat(lists).hasSameSizeAs(held);
        for (int i = 0; i < held.size(); i++) {
            assertThat(column(lists.get(i), 1)).as(held.get(i).code()).containsExactlyElementsOf(
                    names(sample, held.get(i).code()).stream().map(OfficialDocument::typographic).toList());
        }
    }

    @Test
    void aBatchWithRejectedRecordsStillGetsItsPapersAndTheProposalCountsThem() throws Exception {
        ObjectNode batch = (ObjectNode) JSON.readTree(PapersTest.SAMPLE.toFile());
        ((ArrayNode) batch.get("nominations")).add(JSON.readTree(BAD));
        Evaluation evaluation = new Evaluator(TestRules.standard()).evaluate(
                BatchReader.readJson(new ByteArrayInputStream(JSON.writeValueAsBytes(batch))));
        assertThat(evaluation.rejected()).hasSize(1);
        List<String> text = sections(docx(Paper.PROPOSAL, Papers.of(evaluation, Words.vietnamese()))).get(0).paragraphs();
        assertThat(text).anyMatch(p -> p.contains("đã tiếp nhận 61 hồ sơ"));
        assertThat(text).anyMatch(p -> p.startsWith("Có 60 hồ sơ được xét"));
        assertThat(text).anyMatch(p -> p.startsWith("Có 1 hồ sơ chưa được xét do sai sót"));
    }

    @Test
    void theWorkbookHasASheetPerTitleWithItsHolders() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Paper.AWARD_LIST.write(papers, out);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<TitleDefinition> held = sample.rules().awardedTitles().stream().filter(t -> sample.count(t.code()) > 0).toList();
            assertThat(workbook.getNumberOfSheets()).isEqualTo(held.size());
            DataFormatter cells = new DataFormatter();
            for (TitleDefinition title : held) {
                Sheet sheet = workbook.getSheet(title.code());
                assertThat(sheet).as(title.code()).isNotNull();
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith(title.nameVi());
                assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).startsWith("Kèm theo Quyết định số");
                assertThat(cells.formatCellValue(sheet.getRow(3).getCell(2))).isEqualTo("Tên mô hình, công trình");
                List<Decision> holders = sample.decisions().stream().filter(d -> d.holds(title.code())).toList();
                assertThat(sheet.getLastRowNum()).isEqualTo(3 + holders.size());
                for (int i = 0; i < holders.size(); i++) {
                    Row row = sheet.getRow(4 + i);
                    assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(i + 1);
                    assertThat(row.getCell(1).getStringCellValue()).isEqualTo(holders.get(i).nomination().id());
                    assertThat(row.getCell(2).getStringCellValue()).isEqualTo(holders.get(i).nomination().name());
                    if (holders.get(i).score() != null) {
                        assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(holders.get(i).score().total());
                    }
                }
            }
        }
    }

    @Test
    void inEnglishThePapersHaveTheSamePartsInEnglishWords() throws Exception {
        Papers english = Papers.of(sample, Words.english());
        List<Section> sections = sections(docx(Paper.DRAFT_DECISIONS, english));
        assertThat(sections).hasSize(6);
        List<String> state = sections.get(1).paragraphs();
        assertThat(state).contains("SOCIALIST REPUBLIC OF VIET NAM", "Independence - Freedom - Happiness", "DECISION",
                "DECIDES:", "Recipients:", "LIST OF AWARDS");
        assertThat(state).anyMatch(p -> p.startsWith("Article 1. To award the Certificate of Commendation"));
        assertThat(state).anyMatch(p -> p.startsWith("Pursuant to art. 75, art. 80(2) and art. 5(2) of the Law on Emulation"));
        assertThat(sections.get(0).paragraphs()).contains("COMMUNIST PARTY OF VIET NAM");
        XWPFTable list = sections.get(1).lists().isEmpty() ? null : sections.get(1).lists().get(0);
        assertThat(list).as("a list headed in English").isNull();
        XWPFTable english0 = sections.get(1).elements().stream().filter(e -> e instanceof XWPFTable).map(e -> (XWPFTable) e)
                .filter(t -> t.getRow(0).getCell(0).getText().equals("No.")).findFirst().orElseThrow();
        assertThat(english0.getRow(0).getCell(1).getText()).isEqualTo("Model or work");
        assertThat(column(english0, 1)).hasSize((int) sample.count("DISTRICT_GIAY_KHEN"));
    }

    @Test
    void withNobodyAwardedTheDecisionsSaySoAndTheListIsEmpty() throws Exception {
        Papers none = Papers.of(TestRules.evaluate(dvk.testing.NominationBuilder.model("GL-1").report(false)), Words.vietnamese());
        List<String> text = sections(docx(Paper.DRAFT_DECISIONS, none)).get(0).paragraphs();
        assertThat(text).anyMatch(p -> p.startsWith("Không có mô hình, công trình nào đạt"));
        List<String> proposalText = sections(docx(Paper.PROPOSAL, none)).get(0).paragraphs();
        assertThat(proposalText).contains("Kính gửi: ……").doesNotContain("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG");
    }

    @SuppressWarnings("unused")
    private static List<XWPFTableRow> rows(XWPFTable table) {
        return table.getRows();
    }
}
