package dvk.web;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dvk.bench.BatchFormat;
import dvk.bench.BatchGenerator;
import dvk.bench.Districts;
import dvk.io.TemporaryFiles;
import dvk.store.Database;
import dvk.store.Role;
import dvk.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * {@code dvk serve --bench}: the workspace measured over HTTP on this machine, on a temporary
 * database. Twenty people sign in and upload the sample at once, each must get a round of their
 * own with every record; then one uploads a Hà Nội-sized workbook (12,000 nominations, generated
 * as {@code dvk generate --districts city} does) and opens the round's page and the full report.
 * Prints the figures; not a test with a time limit.
 */
public final class WorkspaceBench {
    static final int USERS = 20;
    static final int LARGE = 12_000;
    private static final Path SAMPLE = Path.of("fixtures/samples/gia-lam-2024.xlsx");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String PASSWORD = "bench password 1";

    private final Workspace.Settings settings;
    private final PrintWriter out;

    public WorkspaceBench(Workspace.Settings settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
    }

    /** True when every round came out right. */
    public boolean run() throws Exception {
        Path directory = TemporaryFiles.createDirectory("serve-bench");
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        Workspace.Settings local = new Workspace.Settings("127.0.0.1", 0, settings.rules(), settings.ruleTimeout(),
                Math.max(settings.maxUploadBytes(), 64L << 20), false, settings.evaluationsAtOnce(), settings.out(), quiet);
        try (Database database = Database.openMigrated(Database.embedded(directory))) {
            Store store = new Store(database);
            String hash = Passwords.hash(PASSWORD);
            store.transaction(tx -> {
                for (int i = 0; i <= USERS; i++) tx.users().create("thuky" + i, "Thư ký " + i, hash, Set.of(Role.SECRETARY), Instant.now());
                return null;
            });
            Workspace workspace = new Workspace(local, database, Clock.systemUTC()).start();
            try {
                boolean right = concurrentUploads(workspace.baseUrl(), directory, store);
                right &= largeWorkbook(workspace.baseUrl(), directory, store);
                return right;
            } finally {
                workspace.stop();
            }
        } finally {
            TemporaryFiles.delete(directory);
        }
    }

    private boolean concurrentUploads(String base, Path directory, Store store) throws Exception {
        Path sample = Files.isRegularFile(SAMPLE) ? SAMPLE : generated(directory, 60, "sample.xlsx");
        byte[] bytes = Files.readAllBytes(sample);
        int expected = expectedRecords(sample);
        List<Client> clients = new ArrayList<>();
        for (int i = 1; i <= USERS; i++) clients.add(new Client(base, "thuky" + i).signIn());
        // one upload first, so that the figures are of a server whose code the JIT has compiled
        clients.get(0).upload("warm-up", bytes, sample.getFileName().toString());
        ExecutorService pool = Executors.newFixedThreadPool(USERS);
        List<Future<Long>> uploads = new ArrayList<>();
        long started = System.nanoTime();
        for (Client client : clients) {
            uploads.add(pool.submit(() -> {
                long t = System.nanoTime();
                client.upload("Đợt của " + client.login, bytes, sample.getFileName().toString());
                return (System.nanoTime() - t) / 1_000_000;
            }));
        }
        List<Long> times = new ArrayList<>();
        for (Future<Long> upload : uploads) times.add(upload.get());
        long wall = (System.nanoTime() - started) / 1_000_000;
        pool.shutdown();
        Collections.sort(times);
        var rounds = store.read(tx -> tx.rounds().list());
        long own = rounds.stream().filter(r -> r.name().startsWith("Đợt của ") && r.createdBy().equals(r.name().substring(8))
                && r.versions() == 1 && r.latest().records() == expected).count();
        boolean right = own == USERS;
        out.printf("dvk: serve bench: %d users uploading %s (%d records) at once: %d ms in all; each upload %d ms median, %d ms"
                        + " slowest; %d of %d rounds their own and whole%s%n",
                USERS, sample.getFileName(), expected, wall, times.get(times.size() / 2), times.get(times.size() - 1), own, USERS,
                right ? "" : "  <-- WRONG");
        out.flush();
        return right;
    }

    private boolean largeWorkbook(String base, Path directory, Store store) throws Exception {
        long generating = System.nanoTime();
        Path workbook = generated(directory, LARGE, "ha-noi-" + LARGE + ".xlsx");
        out.printf("dvk: serve bench: generated %s (%d KB) in %d ms (not counted)%n", workbook.getFileName(),
                Files.size(workbook) / 1024, (System.nanoTime() - generating) / 1_000_000);
        Client client = new Client(base, "thuky0").signIn();
        // the first upload of a batch this size finds the JIT cold for it; a workspace that has run a while does not
        boolean right = uploadAndOpen(client, workbook, store, "first, cold", true);
        right &= uploadAndOpen(client, workbook, store, "second", false);
        right &= uploadAndOpen(client, workbook, store, "third, warm", true);
        return right;
    }

    private boolean uploadAndOpen(Client client, Path workbook, Store store, String which, boolean print) throws Exception {
        String name = "Hà Nội " + LARGE + " " + which;
        long started = System.nanoTime();
        HttpResponse<String> answer = client.send(name, Files.readAllBytes(workbook), workbook.getFileName().toString());
        String page = answer.headers().firstValue("Location").orElseThrow();
        long uploaded = System.nanoTime();
        HttpResponse<String> round = client.get(page);
        long shown = System.nanoTime();
        HttpResponse<byte[]> report = client.getBytes(page + "/report.html");
        long reported = System.nanoTime();
        var version = store.read(tx -> tx.rounds().list()).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow().latest();
        boolean right = round.statusCode() == 200 && report.statusCode() == 200 && version.records() == LARGE;
        long total = (shown - started) / 1_000_000;
        if (!print && right) return true;
        out.printf("dvk: serve bench: the server's steps (%s): %s%n", which,
                answer.headers().firstValue("Server-Timing").orElse("?").replace(";dur=", " ").replace(",", " ms,") + " ms");
        out.printf("dvk: serve bench: %d-nomination workbook (%s): upload, evaluate and store %d ms; the round's page %d ms;"
                        + " %d ms in all (%s 5 s); its full report (as dvk evaluate --format html) %d ms, %d MB%s%n", LARGE, which,
                (uploaded - started) / 1_000_000, (shown - uploaded) / 1_000_000, total, total <= 5000 ? "within" : "over",
                (reported - shown) / 1_000_000, report.body().length >> 20, right ? "" : "  <-- WRONG");
        out.flush();
        return right;
    }

    private static int expectedRecords(Path file) throws IOException {
        try (var workbook = org.apache.poi.ss.usermodel.WorkbookFactory.create(file.toFile(), null, true)) {
            Sheet sheet = workbook.getSheetAt(0);
            int rows = 0;
            for (Row row : sheet) {
                if (row.getPhysicalNumberOfCells() > 0) rows++;
            }
            return rows - 1;
        }
    }

    private static final Pattern NUMBER = Pattern.compile("\\d{1,15}(\\.\\d+)?");

    /** A workbook of generated nominations: the generator's CSV, numbers in number cells, the rest as text. */
    private static Path generated(Path directory, int records, String name) throws IOException {
        StringWriter csv = new StringWriter();
        new BatchGenerator(BatchGenerator.DEFAULT_YEAR, 1, Districts.CITY).write(records, BatchFormat.CSV, csv);
        Path file = directory.resolve(name);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200);
             MappingIterator<List<String>> rows = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                     .readerForListOf(String.class).readValues(csv.toString())) {
            Sheet sheet = workbook.createSheet("Hồ sơ");
            int r = 0;
            while (rows.hasNext()) {
                Row row = sheet.createRow(r++);
                List<String> cells = rows.next();
                for (int c = 0; c < cells.size(); c++) {
                    String cell = cells.get(c);
                    if (cell.isEmpty()) continue;
                    if (r > 1 && NUMBER.matcher(cell).matches()) row.createCell(c).setCellValue(Double.parseDouble(cell));
                    else row.createCell(c).setCellValue(cell);
                }
            }
            try (var stream = Files.newOutputStream(file)) {
                workbook.write(stream);
            }
        }
        return file;
    }

    /** One person in a browser: cookies, the form token of the pages they see. */
    private static final class Client {
        private final String base;
        private final String login;
        private final HttpClient http;
        private String csrf;

        Client(String base, String login) {
            this.base = base;
            this.login = login;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10)).build();
        }

        Client signIn() throws Exception {
            String form = get("/login").body();
            String body = "_csrf=" + Requests.encode(token(form)) + "&login=" + login + "&password=" + Requests.encode(PASSWORD) + "&next=/rounds";
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 303) throw new IllegalStateException(login + " could not sign in: " + answer.statusCode());
            csrf = token(get("/rounds/new").body());
            return this;
        }

        /** Uploads a new round; the address of its page. */
        String upload(String roundName, byte[] file, String fileName) throws Exception {
            return send(roundName, file, fileName).headers().firstValue("Location").orElseThrow();
        }

        /** Uploads a new round; the answer, a redirection to its page. */
        HttpResponse<String> send(String roundName, byte[] file, String fileName) throws Exception {
            String boundary = "dvkbench" + System.nanoTime();
            var body = new java.io.ByteArrayOutputStream();
            field(body, boundary, "_csrf", csrf);
            field(body, boundary, "name", roundName);
            field(body, boundary, "year", "2024");
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(file);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/rounds"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 303) {
                throw new IllegalStateException(login + "'s upload was answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer;
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<byte[]> getBytes(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }

        private static void field(java.io.ByteArrayOutputStream body, String boundary, String name, String value) throws IOException {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }

        private static String token(String html) {
            Matcher m = CSRF.matcher(html);
            if (!m.find()) throw new IllegalStateException("no form token on the page");
            return m.group(1);
        }
    }
}
