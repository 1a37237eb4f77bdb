package dvk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvk.io.RegisterXlsxReader;
import dvk.store.Database;
import dvk.store.Register;
import dvk.store.Role;
import dvk.store.Rounds;
import dvk.store.TestDatabases;
import dvk.testing.XlsxFile;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committee's year through the workspace's pages and API: the council's verdicts (an override
 * needs its reason), the round issued once though two secretaries press at once, the issued round
 * read-only, the titles found in the register, exported and read back, the statistics, the next
 * year's batch whose model codes bring the register's titles in as priors (and change the
 * decisions), a claim the register lacks flagged, and the decision revoked.
 */
class CommitteeYearTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestWorkspace server;

    @BeforeAll
    static void start() {
        server = new TestWorkspace(TestDatabases.migrated(Database.Kind.H2), 8L << 20, false);
    }

    @AfterAll
    static void stop() throws Exception {
        Files.writeString(Path.of("target/committee-year-server.log"), server.out.toString());
        server.close();
    }

    @Test
    void fromUploadToIssuedDecisionRegisterAndTheNextYearsPriors() throws Exception {
        TestWorkspace.Browser secretary = server.signedIn("thu", Role.SECRETARY);
        secretary.formToken("/rounds/new");
        HttpResponse<String> created = secretary.upload("/rounds", Map.of("name", "Gia Lâm 2024", "year", "2024"), "gia-lam-2024.xlsx",
                Files.readAllBytes(WorkspaceTest.SAMPLE_XLSX));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        String page = created.headers().firstValue("Location").orElseThrow();
        String round = page.replaceAll("/versions/1$", "");
        long roundId = Long.parseLong(round.replaceAll("\\D+", ""));
        Rounds.Version version = server.store.read(tx -> tx.rounds().version(roundId, 1)).orElseThrow();
        List<Rounds.DecisionRow> rows = server.store.read(tx -> tx.rounds().decisions(version.id(), Rounds.Filter.all(1000))).items();
        Rounds.DecisionRow giayKhen = rows.stream().filter(r -> r.titles().contains("DISTRICT_GIAY_KHEN")).findFirst().orElseThrow();
        Rounds.DecisionRow modelWithout = rows.stream().filter(r -> r.type().equals("MODEL") && r.titles().isEmpty()).findFirst().orElseThrow();
        int recommended = rows.stream().mapToInt(r -> r.titles().size()).sum();

        // an override without its reason is refused, on the page and in the API; with one, it is recorded
        secretary.formToken(page + "/nominations/" + giayKhen.position());
        String verdicts = page + "/verdicts";
        HttpResponse<String> noReason = secretary.submit(verdicts, "position", String.valueOf(giayKhen.position()),
                "title", "DISTRICT_GIAY_KHEN", "verdict", "WITHHOLD", "reason", "  ");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("Cần ghi lý do khi Hội đồng quyết định khác đề xuất");
        HttpResponse<String> withheld = secretary.submit(verdicts, "position", String.valueOf(giayKhen.position()),
                "title", "DISTRICT_GIAY_KHEN", "verdict", "WITHHOLD", "reason", "Đã nhận Giấy khen của Sở năm 2024");
        assertThat(withheld.statusCode()).as(withheld.body()).isEqualTo(303);
        String card = secretary.get(page + "/nominations/" + giayKhen.position()).body();
        assertThat(card).contains("Không trao</span>: Đã nhận Giấy khen của Sở năm 2024");

        String token = token(secretary, "portal");
        HttpResponse<String> apiNoReason = api("POST", "/api/v1" + page + "/verdicts", token, Map.of("nominationId", modelWithout.nominationId(),
                "title", "DISTRICT_MODEL", "verdict", "GRANT"));
        assertThat(apiNoReason.statusCode()).isEqualTo(422);
        assertThat(apiNoReason.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(JSON.readTree(apiNoReason.body()).path("code").asText()).isEqualTo("reason-required");
        HttpResponse<String> workTitle = api("POST", "/api/v1" + page + "/verdicts", token, Map.of("nominationId", modelWithout.nominationId(),
                "title", "CITY_WORK_SIGN", "verdict", "GRANT", "reason", "nhầm"));
        assertThat(JSON.readTree(workTitle.body()).path("code").asText()).isEqualTo("title-not-for-type");
        HttpResponse<String> granted = api("POST", "/api/v1" + page + "/verdicts", token, Map.of("nominationId", modelWithout.nominationId(),
                "title", "DISTRICT_MODEL", "verdict", "GRANT", "reason", "Hội đồng đánh giá cao hiệu quả thực tế"));
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        JsonNode read = JSON.readTree(granted.body());
        assertThat(read.path("overrides")).hasSize(2);
        assertThat(read.path("issued").isNull()).isTrue();
        String roundPage = secretary.get(page).body();
        assertThat(roundPage).contains("data-testid=\"overrides\"").contains("Hội đồng đánh giá cao hiệu quả thực tế")
                .contains("+DISTRICT_MODEL").contains("−DISTRICT_GIAY_KHEN");

        // two secretaries issue the round at once: one decision, the other told its number
        TestWorkspace.Browser other = server.signedIn("hoa", Role.SECRETARY);
        String otherToken = token(other, "portal");
        CountDownLatch ready = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (String[] who : List.of(new String[] {token, "123/QĐ-UBND"}, new String[] {otherToken, "124/QĐ-UBND"})) {
            Callable<HttpResponse<String>> issue = () -> {
                ready.await();
                return api("POST", "/api/v1" + round + "/decision", who[0], Map.of("version", 1, "number", who[1],
                        "date", "2024-12-15", "signer", "Nguyễn Văn Ký"));
            };
            answers.add(threads.submit(issue));
        }
        ready.countDown();
        List<Integer> statuses = new ArrayList<>();
        String issuedNumber = null;
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> a = answer.get();
            statuses.add(a.statusCode());
            if (a.statusCode() == 201) issuedNumber = JSON.readTree(a.body()).path("number").asText();
            else assertThat(JSON.readTree(a.body()).path("code").asText()).isEqualTo("already-issued");
        }
        threads.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        String number = issuedNumber;
        List<dvk.store.Council.RoundDecision> made = server.store.read(tx -> tx.council().decisions(roundId));
        assertThat(made).hasSize(1).allMatch(d -> d.number().equals(number));

        // the register holds the council's final list
        long inRegister = server.store.read(tx -> tx.register().count());
        assertThat(inRegister).isEqualTo(recommended - 1 + 1);
        List<Register.Entry> issued = server.store.read(tx -> tx.register().issuedBy(tx.council().issued(roundId).orElseThrow().decision().id()));
        assertThat(issued).noneMatch(e -> e.nominationId().equals(giayKhen.nominationId()) && e.title().equals("DISTRICT_GIAY_KHEN"));
        assertThat(issued).filteredOn(e -> e.nominationId().equals(modelWithout.nominationId())).singleElement()
                .satisfies(e -> assertThat(e.overridden()).isTrue());
        assertThat(issued).allMatch(e -> e.decisionNumber().equals(number) && e.decisionDate().toString().equals("2024-12-15"));
        assertThat(issued).allMatch(e -> e.modelCode().matches("(MH|CT)-\\d{6}"));
        assertThat(issued.stream().filter(e -> e.nominationId().equals(giayKhen.nominationId())).map(Register.Entry::modelCode).distinct())
                .as("a model's titles share one code").hasSize(1);

        // the issued round is read-only: page, API, and a new version are refused with 409
        assertThat(secretary.get(page).body()).contains("data-testid=\"issued\"").contains(number).doesNotContain("data-testid=\"issue\"");
        secretary.formToken(page + "/nominations/" + giayKhen.position());
        assertThat(secretary.submit(verdicts, "position", String.valueOf(giayKhen.position()), "title", "DISTRICT_GIAY_KHEN",
                "verdict", "AS_RECOMMENDED").statusCode()).isEqualTo(409);
        HttpResponse<String> apiEdit = api("POST", "/api/v1" + page + "/verdicts", token, Map.of("nominationId", modelWithout.nominationId(),
                "title", "DISTRICT_MODEL", "verdict", "AS_RECOMMENDED"));
        assertThat(apiEdit.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(apiEdit.body()).path("code").asText()).isEqualTo("round-issued");
        assertThat(apiEdit.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        HttpResponse<String> newVersion = secretary.upload(round + "/versions", Map.of(), "gia-lam-2024.xlsx",
                Files.readAllBytes(WorkspaceTest.SAMPLE_XLSX));
        assertThat(newVersion.statusCode()).isEqualTo(409);
        assertThat(api("POST", "/api/v1" + round + "/decision", token, Map.of("number", "125/QĐ-UBND", "date", "2024-12-16",
                "signer", "X")).statusCode()).isEqualTo(409);
        JsonNode decision = JSON.readTree(api("GET", "/api/v1" + round + "/decision", token, null).body());
        assertThat(decision.path("inForce").path("number").asText()).isEqualTo(number);
        assertThat(decision.path("titles")).hasSize((int) inRegister);

        JsonNode openApi = JSON.readTree(secretary.get("/api/v1/openapi.json").body()).path("paths");
        assertThat(openApi.has("/api/v1/register") && openApi.has("/api/v1/register/models/{code}") && openApi.has("/api/v1/rounds/{round}/decision")
                && openApi.has("/api/v1/rounds/{round}/versions/{version}/verdicts")).isTrue();

        // the papers: the number, date and signer filled in; the overrides apart
        byte[] docx = secretary.getBytes(page + "/papers/du-thao-quyet-dinh-2024.docx").body();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor text = new XWPFWordExtractor(document)) {
            assertThat(text.getText()).contains("Số: " + number).contains("ngày 15 tháng 12 năm 2024").contains("Nguyễn Văn Ký")
                    .doesNotContain("DỰ THẢO");
        }
        byte[] list = secretary.getBytes(page + "/papers/danh-sach-khen-thuong-2024.xlsx").body();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(list))) {
            var changes = workbook.getSheet("Hội đồng điều chỉnh");
            assertThat(changes).isNotNull();
            assertThat(changes.getLastRowNum()).isEqualTo(4);
            var districtModels = workbook.getSheet("DISTRICT_MODEL");
            assertThat(districtModels.getLastRowNum() - 3).as("27 recommended and one granted").isEqualTo(28);
            assertThat(districtModels.getRow(1).getCell(0).getStringCellValue()).contains(number);
        }

        // the register: found with or without accents, by district, year and title; exported and read back
        String unaccented = java.text.Normalizer.normalize(first(issued).name(), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('đ', 'd').replace('Đ', 'D').toLowerCase();
        assertThat(unaccented).isNotEqualTo(first(issued).name().toLowerCase());
        String bySearch = secretary.get("/register?q=" + Requests.encode(unaccented) + "&district=gia+lam&year=2024").body();
        assertThat(bySearch).contains(first(issued).modelCode());
        assertThat(secretary.get("/register?title=CITY_MODEL&commune=" + Requests.encode("dang xa")).statusCode()).isEqualTo(200);
        JsonNode searched = JSON.readTree(api("GET", "/api/v1/register?district=gia%20lam&title=DISTRICT_MODEL&limit=500", token, null).body());
        assertThat(searched.path("total").asLong()).isEqualTo(28);
        byte[] export = secretary.getBytes("/register.xlsx").body();
        RegisterXlsxReader.Result exported = RegisterXlsxReader.read(new ByteArrayInputStream(export), new RegisterService(server.store,
                new RulesInForce(TestWorkspace.rules()), java.time.Clock.systemUTC())::titleCode);
        assertThat(exported.problems()).isEmpty();
        assertThat(exported.entries()).hasSize((int) inRegister);
        String statistics = secretary.get("/statistics").body();
        assertThat(statistics).contains("data-testid=\"stats-by-year\"").contains("<td>2024</td>").contains("<svg")
                .contains("<td class=\"num\">" + inRegister + "</td>");
        assertThat(secretary.get("/statistics?lang=en").body()).contains("By district");
        secretary.get("/rounds?lang=vi");

        // the next year: the same models, with the codes the register gave them; their typed recognitions as the workbook has them
        Map<String, String> codes = new HashMap<>();
        issued.forEach(e -> codes.put(e.nominationId(), e.modelCode()));
        Path next = Files.createTempFile("gia-lam-2025", ".xlsx");
        XlsxFile batch = XlsxFile.fromJson(WorkspaceTest.SAMPLE_JSON).addColumn("modelCode");
        for (int r = 0; r < batch.rows(); r++) {
            batch.set(r, "year", 2025);
            batch.set(r, "id", ((String) batch.get(r, "id")).replace("2024", "2025"));
            String code = codes.get(rows.get(r).nominationId());
            batch.set(r, "modelCode", code);
        }
        batch.write(next);
        Path plain = Files.createTempFile("gia-lam-2025-plain", ".xlsx");
        XlsxFile.fromJson(WorkspaceTest.SAMPLE_JSON).write(plain);
        XlsxFile plainBatch = XlsxFile.fromJson(WorkspaceTest.SAMPLE_JSON);
        for (int r = 0; r < plainBatch.rows(); r++) plainBatch.set(r, "year", 2025);
        plainBatch.write(plain);

        secretary.formToken("/rounds/new");
        HttpResponse<String> withCodes = secretary.upload("/rounds", Map.of("name", "Gia Lâm 2025", "year", "2025"), "gia-lam-2025.xlsx",
                Files.readAllBytes(next));
        assertThat(withCodes.statusCode()).as(withCodes.body()).isEqualTo(303);
        String page2025 = withCodes.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> withoutCodes = secretary.upload("/rounds", Map.of("name", "Gia Lâm 2025 (không mã)", "year", "2025"),
                "gia-lam-2025-plain.xlsx", Files.readAllBytes(plain));
        String plainPage = withoutCodes.headers().firstValue("Location").orElseThrow();
        long giayKhenWithCodes = count(page2025, "DISTRICT_GIAY_KHEN", secretary);
        long giayKhenTyped = count(plainPage, "DISTRICT_GIAY_KHEN", secretary);
        assertThat(giayKhenTyped).isPositive();
        assertThat(giayKhenWithCodes).as("a Giấy khen of 2024 in the register blocks a repeat in 2025, typed or not")
                .isLessThan(giayKhenTyped);

        // the card: the register's titles with their source, and a typed claim the register lacks, flagged
        int holder = rows.indexOf(rows.stream().filter(r -> r.nominationId().equals(rows.get(0).nominationId())).findFirst().orElseThrow());
        String holderCard = secretary.get(page2025 + "/nominations/" + holder).body();
        assertThat(rows.get(0).titles()).contains("DISTRICT_MODEL");
        assertThat(holderCard).contains("data-testid=\"priors\"").contains("data-source=\"register\"").contains(codes.get(rows.get(0).nominationId()))
                .contains("<tr data-source=\"typed\"><td>2022</td>")
                .contains("khai DISTRICT_MODEL 2022; sổ đăng ký ghi năm 2024").contains("khai COMMUNE_MODEL 2019; sổ đăng ký không có");
        assertThat(secretary.get(page2025 + "/nominations/" + holder + "?lang=en").body())
                .contains("claims DISTRICT_MODEL 2022; the register has it in 2024").contains("claims COMMUNE_MODEL 2019; the register has none");
        secretary.get("/rounds?lang=vi");
        assertThat(secretary.get(page2025).body()).contains("data-testid=\"flagged\"");
        JsonNode verdicts2025 = JSON.readTree(api("GET", "/api/v1" + page2025 + "/verdicts", token, null).body());
        JsonNode first2025 = verdicts2025.path("nominations").get(holder);
        assertThat(first2025.path("modelCode").asText()).isEqualTo(codes.get(rows.get(0).nominationId()));
        assertThat(first2025.path("priors").findValuesAsText("source")).contains("register", "typed");
        assertThat(first2025.path("flags").toString()).contains("claims DISTRICT_MODEL 2022; the register has it in 2024");

        // revoked by a decision of its own number: the titles stay, marked; the round opens again
        secretary.formToken(page);
        HttpResponse<String> revoked = secretary.submit(round + "/revoke", "number", "130/QĐ-UBND", "date", "20/12/2024",
                "signer", "Nguyễn Văn Ký", "reason", "Sai sót trong danh sách");
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(303);
        List<Register.Entry> afterRevoking = server.store.read(tx -> tx.register().issuedBy(tx.council().decisions(roundId).get(0).id()));
        assertThat(afterRevoking).hasSize(issued.size()).allMatch(e -> "130/QĐ-UBND".equals(e.revokedNumber()));
        assertThat(secretary.get("/register?q=" + Requests.encode(number)).body()).contains("đã thu hồi theo Quyết định số 130/QĐ-UBND");
        secretary.formToken(page + "/nominations/" + giayKhen.position());
        assertThat(secretary.submit(verdicts, "position", String.valueOf(giayKhen.position()), "title", "DISTRICT_GIAY_KHEN",
                "verdict", "AS_RECOMMENDED").statusCode()).as("open again after the revocation").isEqualTo(303);
        List<String> actions = server.store.read(tx -> tx.audit().about("round:" + roundId)).stream().map(a -> a.action()).toList();
        assertThat(actions).contains("council.verdict", "round.issue", "round.revoke");

        // the 2025 version evaluated again after a restart, with the register changed since: the priors it was given then
        Database.Location location = server.database.location();
        server.close();
        server = new TestWorkspace(Database.openMigrated(location), 8L << 20, false);
        TestWorkspace.Browser again = server.browser().signIn("thu", TestWorkspace.PASSWORD);
        HttpResponse<String> report = again.get(page2025 + "/report.html");
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
    }

    @Test
    void aPastRegisterIsImportedThroughThePageWithItsUnreadableRowsListed() throws Exception {
        TestWorkspace.Browser secretary = server.signedIn("lien", Role.SECRETARY);
        java.util.Map<Integer, Object[]> broken = new java.util.LinkedHashMap<>();
        broken.put(3, new Object[] {1, "hai nghìn", "Năm", "register.import.year"});
        byte[] workbook = RegisterImportTest.register(20, broken);
        secretary.formToken("/register");
        HttpResponse<String> imported = secretary.upload("/register/import", Map.of(), "so-dang-ky-2019.xlsx", workbook);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(imported.body()).contains("data-testid=\"imported-stored\">19<").contains("data-testid=\"imported-unreadable\">1<")
                .contains("<td class=\"num\">5</td><td>Năm</td><td>Năm \"hai nghìn\" không hợp lệ: cần bốn chữ số, ví dụ 2024.</td>");
        HttpResponse<String> notXlsx = secretary.upload("/register/import", Map.of(), "so-dang-ky.csv", "a,b".getBytes());
        assertThat(notXlsx.statusCode()).isEqualTo(415);
        TestWorkspace.Browser viewer = server.signedIn("xem", Role.VIEWER);
        viewer.formToken("/register");
        assertThat(viewer.upload("/register/import", Map.of(), "so-dang-ky-2019.xlsx", workbook).statusCode()).isEqualTo(403);
        assertThat(viewer.get("/register?q=thon+dao+xuyen&year=2015").body()).contains("HN-0000000");
        assertThat(viewer.get("/register?year=20x4").statusCode()).isEqualTo(400);
    }

    private static Register.Entry first(List<Register.Entry> entries) {
        return entries.stream().filter(e -> e.name().matches(".*[ăâđêôơưáàảãạ].*")).findFirst().orElse(entries.get(0));
    }

    private static long count(String page, String title, TestWorkspace.Browser browser) throws Exception {
        String html = browser.get(page).body();
        var m = java.util.regex.Pattern.compile("data-testid=\"title-" + title + "\">(\\d+)<").matcher(html);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static HttpResponse<String> api(String method, String path, String token, Map<String, ?> body) throws Exception {
        return TestWorkspace.api(server.base, method, path, token, body == null ? null : "application/json",
                body == null ? null : JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    }

    static String token(TestWorkspace.Browser browser, String name) throws Exception {
        browser.formToken("/account");
        HttpResponse<String> answer = browser.submit("/account/tokens", "name", name);
        var m = java.util.regex.Pattern.compile("data-testid=\"new-token\">([^<]+)<").matcher(answer.body());
        assertThat(m.find()).as("the new token is shown").isTrue();
        return m.group(1);
    }
}
