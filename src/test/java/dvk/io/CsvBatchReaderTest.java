package dvk.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dvk.domain.Batch;
import dvk.domain.FieldError;
import dvk.domain.Level;
import dvk.domain.Nomination;
import dvk.domain.PriorRecognition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvBatchReaderTest {
    private static final String HEADER = "year,id,name,type,kind,field,sponsor,commune,district,city,startDate,"
            + "fundsVnd,laborDays,beneficiaries,replicationSites,approvalPercent,priorRecognitions,violations,"
            + "dossier.report,dossier.confirmation\n";
    private static final String ROW = "2024,GL-1,\"Làng gốm Bát Tràng, 15.000 quà tặng\",MODEL,COLLECTIVE,ECONOMIC,"
            + "Hội Nông dân xã Bát Tràng,Bát Tràng,Gia Lâm,Hà Nội,2021-06-01,%s,120,800,3,91.5,"
            + "2023:COMMUNE:COMMUNE_MODEL;2022:DISTRICT:DISTRICT_MODEL,2021:chậm báo cáo,true,true\n";

    @TempDir
    Path temp;

    private Batch read(String text) throws BatchException, IOException {
        Path file = temp.resolve("batch.csv");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        return BatchReader.read(file);
    }

    @Test
    void readsARowWithListsQuotedCommasAndDiacritics() throws Exception {
        Batch b = read(HEADER + ROW.formatted("500000000"));
        assertThat(b.year()).isEqualTo(2024);
        assertThat(b.rejected()).isEmpty();
        Nomination n = b.accepted().get(0).value();
        assertThat(n.name()).isEqualTo("Làng gốm Bát Tràng, 15.000 quà tặng");
        assertThat(n.fundsVnd()).isEqualTo(500_000_000L);
        assertThat(n.priorRecognitions()).containsExactly(new PriorRecognition(2023, Level.COMMUNE, "COMMUNE_MODEL"),
                new PriorRecognition(2022, Level.DISTRICT, "DISTRICT_MODEL"));
        assertThat(n.violations().get(0).description()).isEqualTo("chậm báo cáo");
    }

    @Test
    void aByteOrderMarkIsAccepted() throws Exception {
        assertThat(read("\uFEFF" + HEADER + ROW.formatted("1")).accepted()).hasSize(1);
    }

    @Test
    void aBadCellRejectsItsRecordNamingTheColumnAndTheOtherRowsGoOn() throws Exception {
        Batch b = read(HEADER + ROW.formatted("12.5") + ROW.formatted("7").replace("GL-1", "GL-2"));
        assertThat(b.accepted()).extracting(a -> a.value().id()).containsExactly("GL-2");
        assertThat(b.rejected()).singleElement().satisfies(r -> {
            assertThat(r.index()).isZero();
            assertThat(r.errors()).containsExactly(new FieldError("fundsVnd", "expected a whole number, got \"12.5\" (line 2)"));
        });
    }

    @Test
    void aMalformedListEntryNamesItsPosition() throws Exception {
        Batch b = read(HEADER + ROW.formatted("1").replace("2022:DISTRICT:DISTRICT_MODEL", "2022-DISTRICT"));
        assertThat(b.rejected().get(0).errors()).extracting(FieldError::field).containsExactly("priorRecognitions[1]");
    }

    @Test
    void anEmptyCellIsAnAbsentField() throws Exception {
        Batch b = read(HEADER + ROW.formatted(""));
        assertThat(b.accepted().get(0).value().fundsVnd()).isZero();
        Batch missingName = read(HEADER + ROW.formatted("1").replace("\"Làng gốm Bát Tràng, 15.000 quà tặng\"", ""));
        assertThat(missingName.rejected().get(0).errors()).extracting(FieldError::field).containsExactly("name");
    }

    @Test
    void batchErrorsNameTheProblem() {
        assertThatThrownBy(() -> read(HEADER.replace("fundsVnd", "fundVnd") + ROW.formatted("1")))
                .isInstanceOf(BatchException.class).hasMessageStartingWith(
                        "line 1: unknown column in the header row: \"fundVnd\": did you mean fundsVnd? (the columns are: year, id, modelCode, name, ");
        assertThatThrownBy(() -> read(HEADER + ROW.formatted("1") + ROW.formatted("1").replace("2024,GL-1", "2023,GL-2")))
                .hasMessageContaining("line 3: year 2023 differs from 2024");
        assertThatThrownBy(() -> read("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> read(HEADER)).hasMessageContaining("no rows");
    }

    @Test
    void invalidUtf8IsABatchError() throws Exception {
        Path file = temp.resolve("bad.csv");
        byte[] head = HEADER.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 2];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xC3;
        bytes[head.length + 1] = (byte) 0x28;
        Files.write(file, bytes);
        assertThatThrownBy(() -> BatchReader.read(file)).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void sameRecordsAsJsonGiveTheSameNominations() throws Exception {
        Batch csv = read(HEADER + ROW.formatted("500000000"));
        String json = """
                {"year": 2024, "nominations": [{"id": "GL-1", "name": "Làng gốm Bát Tràng, 15.000 quà tặng",
                 "type": "MODEL", "kind": "COLLECTIVE", "field": "ECONOMIC", "sponsor": "Hội Nông dân xã Bát Tràng",
                 "commune": "Bát Tràng", "district": "Gia Lâm", "city": "Hà Nội", "startDate": "2021-06-01",
                 "fundsVnd": 500000000, "laborDays": 120, "beneficiaries": 800, "replicationSites": 3,
                 "approvalPercent": 91.5,
                 "priorRecognitions": [{"year": 2023, "level": "COMMUNE", "title": "COMMUNE_MODEL"},
                                       {"year": 2022, "level": "DISTRICT", "title": "DISTRICT_MODEL"}],
                 "violations": [{"year": 2021, "description": "chậm báo cáo"}],
                 "dossier": {"report": true, "confirmation": true}}]}""";
        Batch fromJson = BatchReader.readJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(csv).isEqualTo(fromJson);
    }
}
