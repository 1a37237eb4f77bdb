package dvk.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dvk.domain.Batch;
import dvk.domain.FieldError;
import dvk.domain.Nomination;
import dvk.domain.RejectedRecord;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class NominationValidatorTest {
    private static final String MODEL = """
            {"id": "M-1", "name": "Tổ phòng cháy chữa cháy cựu chiến binh", "type": "MODEL", "kind": "COLLECTIVE",
             "field": "DEFENSE_SECURITY", "sponsor": "Hội Cựu chiến binh xã Phù Đổng", "commune": "Phù Đổng",
             "district": "Gia Lâm", "city": "Hà Nội", "startDate": "2022-03-01", "fundsVnd": 143000000,
             "laborDays": 400, "beneficiaries": 1200, "replicationSites": 2, "approvalPercent": 92.5,
             "priorRecognitions": [{"year": 2023, "level": "COMMUNE", "title": "COMMUNE_MODEL"}],
             "violations": [{"year": 2021, "description": "chậm nộp báo cáo"}],
             "dossier": {"report": true, "confirmation": true}%s}""";
    private static final String WORK = """
            {"id": "W-1", "name": "Nhà văn hóa thôn Thuận Tốn", "type": "WORK", "field": "CULTURE_SOCIETY",
             "sponsor": "Ban công tác Mặt trận thôn", "commune": "Đa Tốn", "district": "Gia Lâm", "city": "Hà Nội",
             "completedDate": "2024-05-20", "totalValueVnd": 120000000, "peopleContributionVnd": 90000000,
             "approvalPercent": 95, "dossier": {"report": true, "confirmation": true, "acceptance": true}%s}""";

    private static Batch batch(String... records) throws BatchException {
        String json = "{\"year\": 2024, \"nominations\": [" + String.join(",", records) + "]}";
        return BatchReader.readJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String model(String extra) {
        return MODEL.formatted(extra);
    }

    /** The model with one field's value replaced (the field must be in the template). */
    private static String modelWith(String field, String value) {
        String text = model("");
        int at = text.indexOf("\"" + field + "\": ");
        int end = at + field.length() + 4;
        int stop = end;
        int depth = 0;
        while (stop < text.length()) {
            char c = text.charAt(stop);
            if (c == '{' || c == '[') depth++;
            if (c == '}' || c == ']') { if (depth == 0) break; depth--; }
            if (c == ',' && depth == 0) break;
            stop++;
        }
        return text.substring(0, end) + value + text.substring(stop);
    }

    private static List<FieldError> errorsOf(String record) throws BatchException {
        Batch b = batch(record);
        assertThat(b.accepted()).as("record should be rejected").isEmpty();
        return b.rejected().get(0).errors();
    }

    private static List<String> fieldsOf(String record) throws BatchException {
        return errorsOf(record).stream().map(FieldError::field).toList();
    }

    @Test
    void aValidModelAndWorkAreReadWithEveryField() throws Exception {
        Batch b = batch(model(""), WORK.formatted(""));
        assertThat(b.rejected()).isEmpty();
        Nomination m = b.accepted().get(0).value();
        assertThat(m.name()).isEqualTo("Tổ phòng cháy chữa cháy cựu chiến binh");
        assertThat(m.startDate()).isEqualTo(LocalDate.of(2022, 3, 1));
        assertThat(m.approvalPercent()).isEqualByComparingTo(new BigDecimal("92.5"));
        assertThat(m.priorRecognitions()).hasSize(1);
        assertThat(m.violations().get(0).description()).isEqualTo("chậm nộp báo cáo");
        Nomination w = b.accepted().get(1).value();
        assertThat(w.totalValueVnd()).isEqualTo(120_000_000L);
        assertThat(w.dossier().acceptance()).isTrue();
        assertThat(b.accepted().get(1).index()).isEqualTo(1);
    }

    @Test
    void missingOptionalNumbersCountAsZeroAndNullAsAbsent() throws Exception {
        Nomination m = batch(modelWith("fundsVnd", "null").replace("\"laborDays\": 400,", "")).accepted().get(0).value();
        assertThat(m.fundsVnd()).isZero();
        assertThat(m.laborDays()).isZero();
    }

    @Test
    void aBlankStringIsAnAbsentFieldWhateverItsType() throws Exception {
        Nomination m = batch(modelWith("fundsVnd", "\"\"").replace("\"approvalPercent\": 92.5", "\"approvalPercent\": \" \""))
                .accepted().get(0).value();
        assertThat(m.fundsVnd()).isZero();
        assertThat(m.approvalPercent()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(errorsOf(WORK.formatted("").replace("\"totalValueVnd\": 120000000", "\"totalValueVnd\": \"  \"")))
                .containsExactly(new FieldError("totalValueVnd", "required field is missing"));
    }

    @Test
    void numbersMustBeStrictWholeNumbers() throws Exception {
        assertThat(errorsOf(modelWith("beneficiaries", "\"1200\""))).singleElement()
                .satisfies(e -> assertThat(e).isEqualTo(new FieldError("beneficiaries", "expected a whole number, got \"1200\"")));
        assertThat(fieldsOf(modelWith("beneficiaries", "12.5"))).containsExactly("beneficiaries");
        assertThat(errorsOf(modelWith("beneficiaries", "1.0"))).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("expected a whole number, got 1.0"));
        assertThat(errorsOf(modelWith("fundsVnd", "99999999999999999999")).get(0).message()).contains("beyond 64 bits");
        assertThat(errorsOf(modelWith("fundsVnd", "-5")).get(0).message()).contains("negative");
    }

    @Test
    void approvalMayHaveDecimalsButStaysWithinZeroToHundred() throws Exception {
        assertThat(batch(modelWith("approvalPercent", "69.99")).accepted()).hasSize(1);
        assertThat(fieldsOf(modelWith("approvalPercent", "100.5"))).containsExactly("approvalPercent");
        assertThat(fieldsOf(modelWith("approvalPercent", "\"90\""))).containsExactly("approvalPercent");
    }

    @Test
    void datesAreStrictRealAndNotAfterTheReferenceDate() throws Exception {
        assertThat(errorsOf(modelWith("startDate", "\"2023-02-30\""))).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("not a real date"));
        assertThat(fieldsOf(modelWith("startDate", "\"2023-2-3\""))).containsExactly("startDate");
        assertThat(errorsOf(modelWith("startDate", "\"2025-01-01\""))).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("2025-01-01 is after the reference date 2024-12-31"));
        assertThat(batch(modelWith("startDate", "\"2024-12-31\"")).accepted()).hasSize(1);
        assertThat(errorsOf(modelWith("startDate", "20220301"))).containsExactly(
                new FieldError("startDate", "expected a date yyyy-mm-dd, got 20220301"));
    }

    @Test
    void everyProblemOfARecordIsReportedWithItsField() throws Exception {
        String record = modelWith("name", "\" \"").replace("\"kind\": \"COLLECTIVE\",", "")
                .replace("\"type\": \"MODEL\"", "\"type\": \"MODEL\", \"fundVnd\": 5")
                .replace("\"confirmation\": true}", "\"confirmation\": true, \"reprot\": true}")
                .replace("\"title\": \"COMMUNE_MODEL\"", "\"titel\": \"x\"");
        assertThat(fieldsOf(record)).containsExactlyInAnyOrder("name", "kind", "fundVnd", "dossier.reprot",
                "priorRecognitions[0].titel", "priorRecognitions[0].title");
    }

    @Test
    void worksNeedTheirOwnFieldsAndContributionWithinTotal() throws Exception {
        String missing = WORK.formatted("").replace("\"totalValueVnd\": 120000000, ", "")
                .replace(", \"acceptance\": true", "");
        assertThat(fieldsOf(missing)).containsExactlyInAnyOrder("totalValueVnd", "dossier.acceptance");
        assertThat(fieldsOf(WORK.formatted("").replace("90000000", "130000000")))
                .containsExactly("peopleContributionVnd");
    }

    @Test
    void aFieldOfTheOtherTypeIsIgnoredButStillChecked() throws Exception {
        assertThat(batch(WORK.formatted(", \"startDate\": \"2020-01-01\"")).accepted()).hasSize(1);
        assertThat(fieldsOf(WORK.formatted(", \"startDate\": \"2020-13-01\""))).containsExactly("startDate");
        assertThat(batch(model(", \"totalValueVnd\": 5, \"peopleContributionVnd\": 9")).accepted())
                .as("a work's amounts on a model are ignored once well-formed").hasSize(1);
        assertThat(fieldsOf(model(", \"totalValueVnd\": -5"))).containsExactly("totalValueVnd");
    }

    @Test
    void badEnumsNameTheirChoices() throws Exception {
        assertThat(errorsOf(modelWith("type", "\"PROJECT\""))).extracting(FieldError::message)
                .contains("\"PROJECT\" is not one of MODEL, WORK");
    }

    @Test
    void aDuplicateIdIsRejectedAfterTheFirst() throws Exception {
        Batch b = batch(model(""), model(""));
        assertThat(b.accepted()).hasSize(1);
        RejectedRecord second = b.rejected().get(0);
        assertThat(second.index()).isEqualTo(1);
        assertThat(second.id()).isEqualTo("M-1");
        assertThat(second.errors()).extracting(FieldError::field).containsExactly("id");
    }

    @Test
    void aRecordThatIsNotAnObjectIsRejectedNotLost() throws Exception {
        Batch b = batch("42", model(""));
        assertThat(b.records()).isEqualTo(2);
        assertThat(b.rejected()).singleElement().satisfies(r -> {
            assertThat(r.index()).isZero();
            assertThat(r.id()).isNull();
        });
    }

    @Test
    void batchLevelProblemsFailTheWholeBatchWithThePosition() {
        assertThatThrownBy(() -> BatchReader.readJson(in("{\"year\": 2024, \"nominations\": [ {\"id\": ")))
                .isInstanceOf(BatchException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> BatchReader.readJson(in("{\"year\": \"2024\", \"nominations\": []}")))
                .hasMessageContaining("integer \"year\"");
        assertThatThrownBy(() -> BatchReader.readJson(in("{\"year\": 2024,\n \"nominations\": [], \"extra\": 1}")))
                .hasMessageContaining("unknown top-level field \"extra\" at line 2, column 21");
        assertThatThrownBy(() -> BatchReader.readJson(in("{\"nominations\": [],\n \"year\": 2000000000}")))
                .hasMessageContaining("from 1 to 9999, got 2000000000 at line 2");
        assertThatThrownBy(() -> BatchReader.readJson(in(""))).hasMessageContaining("empty");
    }

    private static ByteArrayInputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
