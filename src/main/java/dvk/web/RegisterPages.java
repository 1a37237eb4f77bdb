package dvk.web;

import dvk.domain.FieldOfWork;
import dvk.domain.TitleDefinition;
import dvk.io.RegisterXlsxReader;
import dvk.report.Words;
import dvk.store.Actor;
import dvk.store.Register;
import dvk.store.Role;
import dvk.store.Store;
import dvk.web.view.RegisterPage;
import dvk.web.view.StatisticsPage;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The award register's pages: the search, the export, the import of a past year's register, and the statistics. */
final class RegisterPages {
    static final int PAGE_SIZE = 100;

    private final Store store;
    private final RegisterService register;
    private final Templates templates;
    private final long maxUploadBytes;

    RegisterPages(Store store, RegisterService register, Templates templates, long maxUploadBytes) {
        this.store = store;
        this.register = register;
        this.templates = templates;
        this.maxUploadBytes = maxUploadBytes;
    }

    void search(Context ctx) {
        render(ctx, page(ctx, null));
    }

    private RegisterPage page(Context ctx, RegisterPage.Imported imported) {
        Words words = Requests.words(ctx);
        Register.Search search = search(ctx, PAGE_SIZE);
        int page = search.offset() / PAGE_SIZE + 1;
        Register.Page found = store.read(tx -> tx.register().search(search));
        int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        List<RegisterPage.Entry> entries = found.entries().stream().map(e -> entry(e, words)).toList();
        List<RegisterPage.Option> titles = register.titles().stream().map(t -> new RegisterPage.Option(t.code(),
                register.titleName(t.code(), words))).toList();
        String q = ctx.queryParam("q");
        String year = ctx.queryParam("year");
        RegisterPage.Search shown = new RegisterPage.Search(q, search.commune(), search.district(), year, search.title(),
                search.text() != null || search.commune() != null || search.district() != null || search.year() != null
                        || search.title() != null);
        return new RegisterPage(shown, entries, found.total(), entries.size(),
                new RegisterPage.Pager(page, pages, page > 1 ? url(ctx, page - 1) : null, page < pages ? url(ctx, page + 1) : null),
                titles, Routes.REGISTER + ".xlsx", Requests.signedIn(ctx).user().has(Role.SECRETARY), imported);
    }

    /** What a request asks of the register: {@code q} (name, code or decision number), commune, district, year, title, page. */
    static Register.Search search(Context ctx, int limit) {
        String year = blankToNull(ctx.queryParam("year"));
        Integer y = null;
        if (year != null) {
            if (!year.matches("\\d{4}")) throw Refusal.badRequest("register.search.year");
            y = Integer.parseInt(year);
        }
        int page = Math.min(1_000_000, Math.max(1, Ids.numberOr(ctx.queryParam("page"), 1)));
        return new Register.Search(blankToNull(ctx.queryParam("q")), blankToNull(ctx.queryParam("commune")),
                blankToNull(ctx.queryParam("district")), y, blankToNull(ctx.queryParam("title")), (page - 1) * limit, limit);
    }

    private RegisterPage.Entry entry(Register.Entry e, Words words) {
        return new RegisterPage.Entry(e.modelCode(), Routes.REGISTER + "?q=" + Requests.encode(e.modelCode()), e.year(),
                words.text("register.level." + e.level()), e.title(), register.titleName(e.title(), words), e.name(),
                e.type() == null ? "" : words.text("web.type." + e.type()), e.commune(), e.district(), e.city(), e.decisionNumber(),
                e.decisionDate(), e.issuer(), e.source(), e.overridden(), e.revokedNumber());
    }

    private static String url(Context ctx, int page) {
        StringBuilder url = new StringBuilder(Routes.REGISTER).append("?page=").append(page);
        for (String name : List.of("q", "commune", "district", "year", "title")) {
            String value = blankToNull(ctx.queryParam(name));
            if (value != null) url.append('&').append(name).append('=').append(Requests.encode(value));
        }
        return url.toString();
    }

    void export(Context ctx) {
        RoundPages.attachment(ctx, "so-dang-ky-danh-hieu.xlsx");
        ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try {
            register.exportXlsx(Requests.words(ctx), ctx.outputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A past year's register from a workbook: the rows that read stored, the others listed by row and column. */
    void importXlsx(Context ctx) {
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.size() == 0) throw Refusal.badRequest("web.upload.empty");
        if (!file.filename().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            throw new Refusal(415, "unsupported-format", "register.import.format", RoundService.fileName(file.filename()));
        }
        RegisterService.Imported imported;
        try (InputStream in = new LimitedInputStream(file.content(), maxUploadBytes)) {
            imported = register.importXlsx(in, Actor.of(Requests.signedIn(ctx).user(), ctx.ip()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        render(ctx, page(ctx, imported(imported, Requests.words(ctx))));
    }

    static RegisterPage.Imported imported(RegisterService.Imported imported, Words words) {
        List<RegisterPage.Problem> problems = imported.problems().stream().map(p -> new RegisterPage.Problem(p.row(), p.column(),
                words.text(p.key(), p.arguments().toArray()))).toList();
        long unreadable = imported.problems().stream().map(RegisterXlsxReader.Problem::row).distinct().count();
        return new RegisterPage.Imported(imported.stored(), imported.rows(), imported.newModels(), (int) unreadable, problems);
    }

    /** Titles by year, district and field, as tables and charts. */
    void statistics(Context ctx) {
        Words words = Requests.words(ctx);
        List<Register.Count> counts = store.read(tx -> tx.register().counts());
        Set<String> codes = new LinkedHashSet<>();
        register.titles().forEach(t -> codes.add(t.code()));
        counts.forEach(c -> codes.add(c.title()));
        codes.removeIf(code -> counts.stream().noneMatch(c -> c.title().equals(code)));
        List<String> titles = List.copyOf(codes);
        List<StatisticsPage.Column> columns = titles.stream().map(c -> new StatisticsPage.Column(c, register.titleName(c, words))).toList();
        List<StatisticsPage.Table> tables = List.of(
                table("by-year", words.text("register.stats.byYear"), words.text("register.column.year"), counts, titles,
                        c -> String.valueOf(c.year())),
                table("by-district", words.text("register.stats.byDistrict"), words.text("register.column.district"), counts, titles,
                        Register.Count::district),
                table("by-field", words.text("register.stats.byField"), words.text("register.column.field"), counts, titles,
                        c -> c.field().isEmpty() ? words.text("register.field.unknown") : fieldName(c.field(), words)));
        long total = counts.stream().mapToLong(Register.Count::count).sum();
        ctx.html(templates.render("statistics", Requests.page(Requests.frame(ctx, words.text("register.stats.title"), "statistics", null),
                new StatisticsPage(columns, tables, total))));
    }

    private static String fieldName(String field, Words words) {
        try {
            return words.text("field." + FieldOfWork.valueOf(field).name());
        } catch (IllegalArgumentException e) {
            return field;
        }
    }

    private static StatisticsPage.Table table(String id, String heading, String rowHeading, List<Register.Count> counts,
                                              List<String> titles, Function<Register.Count, String> key) {
        Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
        for (Register.Count c : counts) {
            rows.computeIfAbsent(key.apply(c), k -> new LinkedHashMap<>()).merge(c.title(), c.count(), Long::sum);
        }
        List<String> labels = new ArrayList<>(rows.keySet());
        if (!id.equals("by-year")) labels.sort(String::compareTo);
        List<StatisticsPage.Row> shown = new ArrayList<>();
        for (String label : labels) {
            Map<String, Long> of = rows.get(label);
            List<Long> cells = titles.stream().map(t -> of.getOrDefault(t, 0L)).toList();
            shown.add(new StatisticsPage.Row(label, cells, cells.stream().mapToLong(Long::longValue).sum()));
        }
        return new StatisticsPage.Table(id, heading, rowHeading, shown);
    }

    private void render(Context ctx, RegisterPage page) {
        ctx.html(templates.render("register", Requests.page(Requests.frame(ctx, Requests.words(ctx).text("register.title"), "register",
                null), page)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Titles the rule sets know, for the API's description of an entry. */
    List<TitleDefinition> titles() {
        return register.titles();
    }
}
