package dvk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * The award register (sổ đăng ký danh hiệu): every title issued, one row a title, with the model or
 * work it went to, under the code the model's first title gave it, and the decision's number and
 * date. Titles come from a round's issued decision or from a past year's register imported.
 */
public final class Register {
    /** Model codes: {@code MH-000001} for a model, {@code CT-000001} for a work. */
    public static final String MODEL_PREFIX = "MH-";
    public static final String WORK_PREFIX = "CT-";

    private final Handle handle;

    Register(Handle handle) {
        this.handle = handle;
    }

    /** A title in the register. {@code revokedNumber} is the number of the decision that revoked it, or null. */
    public record Entry(long id, String modelCode, int year, String level, String title, String name, String type, String field,
                        String commune, String district, String city, String decisionNumber, LocalDate decisionDate,
                        String issuer, String source, String nominationId, boolean overridden, String revokedNumber) {
        public boolean revoked() {
            return revokedNumber != null;
        }
    }

    /** A title to record; {@code decisionId} is the round's decision that issued it (null when imported). */
    public record NewEntry(String modelCode, int year, String level, String title, String name, String type, String field,
                           String commune, String district, String city, String decisionNumber, LocalDate decisionDate,
                           String issuer, String source, Long decisionId, String nominationId, boolean overridden) {}

    /** What to look for; blank fields do not filter, and names are compared without accents. */
    public record Search(String text, String commune, String district, Integer year, String title, int offset, int limit) {
        public static Search all(int limit) {
            return new Search(null, null, null, null, null, 0, limit);
        }
    }

    public record Page(List<Entry> entries, long total) {}

    /** The titles of one year, district, field and title, for the statistics. */
    public record Count(int year, String district, String field, String title, long count) {}

    /** A new model or work in the register, with the next code; its code. */
    public String newModel(String type, String name, String commune, String district, String city, Instant now) {
        String code = nextCode(type);
        insertModel(code, type, name, commune, district, city, now);
        return code;
    }

    /** The next code for a model or work ({@code type} {@code WORK}), not yet given to one. */
    public String nextCode(String type) {
        long next = handle.createQuery("select nextval('register_codes')").mapTo(Long.class).one();
        return ("WORK".equals(type) ? WORK_PREFIX : MODEL_PREFIX) + String.format(Locale.ROOT, "%06d", next);
    }

    /** A model or work to add under its code. */
    public record Model(String code, String type, String name, String commune, String district, String city) {}

    /** Adds models the register does not know yet, in one batch. */
    public void addModels(List<Model> models, Instant now) {
        if (models.isEmpty()) return;
        PreparedBatch batch = handle.prepareBatch("insert into register_models (code, type, name, commune, district, city, created_at)"
                + " values (:code, :type, :name, :commune, :district, :city, :now)");
        for (Model m : models) {
            batch.bind("code", m.code()).bind("type", m.type()).bind("name", m.name()).bind("commune", m.commune())
                    .bind("district", m.district()).bind("city", m.city()).bind("now", now).add();
        }
        batch.execute();
    }

    /** A model under a code it already had (an imported register's); nothing when the register knows the code. */
    public void knownModel(String code, String type, String name, String commune, String district, String city, Instant now) {
        if (!knows(code)) insertModel(code, type, name, commune, district, city, now);
    }

    private void insertModel(String code, String type, String name, String commune, String district, String city, Instant now) {
        handle.createUpdate("insert into register_models (code, type, name, commune, district, city, created_at)"
                        + " values (:code, :type, :name, :commune, :district, :city, :now)")
                .bind("code", code).bind("type", type).bind("name", name).bind("commune", commune).bind("district", district)
                .bind("city", city).bind("now", now).execute();
    }

    public boolean knows(String code) {
        return handle.createQuery("select count(*) from register_models where code = :code").bind("code", code)
                .mapTo(Long.class).one() > 0;
    }

    /** Of these codes, those the register knows. */
    public java.util.Set<String> known(Collection<String> codes) {
        if (codes.isEmpty()) return java.util.Set.of();
        return new java.util.HashSet<>(handle.createQuery("select code from register_models where code in (<codes>)")
                .bindList("codes", List.copyOf(codes)).mapTo(String.class).list());
    }

    /** Records titles, in slices of a batch insert (an imported register has thousands). */
    public void add(List<NewEntry> entries, Instant now) {
        if (entries.isEmpty()) return;
        PreparedBatch batch = handle.prepareBatch("insert into register_entries (model_code, review_year, level, title, name, type,"
                + " field, commune, district, city, decision_number, decision_date, issuer, source, decision_id, nomination_id,"
                + " overridden, commune_key, district_key, search_text, recorded_at) values (:code, :year, :level, :title, :name,"
                + " :type, :field, :commune, :district, :city, :number, :date, :issuer, :source, :decision, :nomination,"
                + " :overridden, :communeKey, :districtKey, :search, :now)");
        int pending = 0;
        for (NewEntry e : entries) {
            String search = Texts.folded(String.join(" ", e.name(), e.modelCode(), e.decisionNumber()));
            batch.bind("code", e.modelCode()).bind("year", e.year()).bind("level", e.level()).bind("title", e.title())
                    .bind("name", e.name()).bind("type", e.type()).bind("field", e.field()).bind("commune", e.commune())
                    .bind("district", e.district()).bind("city", e.city()).bind("number", e.decisionNumber())
                    .bind("date", e.decisionDate()).bind("issuer", e.issuer()).bind("source", e.source())
                    .bind("decision", e.decisionId()).bind("nomination", e.nominationId()).bind("overridden", e.overridden())
                    .bind("communeKey", Texts.folded(e.commune())).bind("districtKey", Texts.folded(e.district()))
                    .bind("search", search.length() > 8000 ? search.substring(0, 8000) : search).bind("now", now).add();
            if (++pending == 1000) {
                batch.execute();
                pending = 0;
            }
        }
        if (pending > 0) batch.execute();
    }

    /** Marks the titles a decision issued as revoked by another; how many. */
    public int revoke(long issuedBy, long revokedBy, String revokingNumber) {
        return handle.createUpdate("update register_entries set revoked_by = :revoke, revoked_number = :number"
                        + " where decision_id = :decision and revoked_by is null")
                .bind("revoke", revokedBy).bind("number", revokingNumber).bind("decision", issuedBy).execute();
    }

    /** A page of the register: newest year first, then by district, name and title. */
    public Page search(Search search) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (present(search.text())) where.append(" and e.search_text like :text escape '!'");
        if (present(search.commune())) where.append(" and e.commune_key like :commune escape '!'");
        if (present(search.district())) where.append(" and e.district_key like :district escape '!'");
        if (search.year() != null) where.append(" and e.review_year = :year");
        if (present(search.title())) where.append(" and e.title = :title");
        long total = bind(handle.createQuery("select count(*) from register_entries e" + where), search).mapTo(Long.class).one();
        List<Entry> entries = bind(handle.createQuery("select * from register_entries e" + where
                        + " order by e.review_year desc, e.district, e.name, e.title, e.id limit :limit offset :offset"), search)
                .bind("limit", search.limit()).bind("offset", search.offset()).map((rs, ctx) -> entry(rs)).list();
        return new Page(entries, total);
    }

    private static Query bind(Query query, Search search) {
        if (present(search.text())) query.bind("text", "%" + likeEscaped(Texts.folded(search.text())) + "%");
        if (present(search.commune())) query.bind("commune", "%" + likeEscaped(Texts.folded(search.commune())) + "%");
        if (present(search.district())) query.bind("district", "%" + likeEscaped(Texts.folded(search.district())) + "%");
        if (search.year() != null) query.bind("year", search.year());
        if (present(search.title())) query.bind("title", search.title());
        return query;
    }

    /** Every title of these models, not revoked, by code, oldest first. */
    public Map<String, List<Entry>> titlesOf(Collection<String> codes) {
        Map<String, List<Entry>> byCode = new LinkedHashMap<>();
        if (codes.isEmpty()) return byCode;
        handle.createQuery("select * from register_entries where model_code in (<codes>) and revoked_by is null"
                        + " order by model_code, review_year, id")
                .bindList("codes", List.copyOf(codes)).map((rs, ctx) -> entry(rs))
                .forEach(e -> byCode.computeIfAbsent(e.modelCode(), c -> new ArrayList<>()).add(e));
        return byCode;
    }

    /** Every title of a model, revoked ones too, oldest first. */
    public List<Entry> model(String code) {
        return handle.createQuery("select * from register_entries where model_code = :code order by review_year, id")
                .bind("code", code).map((rs, ctx) -> entry(rs)).list();
    }

    /** The titles a round's decision issued. */
    public List<Entry> issuedBy(long decisionId) {
        return handle.createQuery("select * from register_entries where decision_id = :decision order by id")
                .bind("decision", decisionId).map((rs, ctx) -> entry(rs)).list();
    }

    /** Every title in the register's order, each handed to {@code each} (an export of any size). */
    public void each(Consumer<Entry> each) {
        handle.createQuery("select * from register_entries order by review_year, district, name, title, id")
                .setFetchSize(1000).map((rs, ctx) -> entry(rs)).forEach(each);
    }

    public long count() {
        return handle.createQuery("select count(*) from register_entries").mapTo(Long.class).one();
    }

    /** Titles in force (not revoked) by year, district, field and title. */
    public List<Count> counts() {
        return handle.createQuery("select review_year, district, coalesce(field, '') as field, title, count(*) as n"
                        + " from register_entries where revoked_by is null group by review_year, district, field, title"
                        + " order by review_year, district, field, title")
                .map((rs, ctx) -> new Count(rs.getInt("review_year"), rs.getString("district"), rs.getString("field"),
                        rs.getString("title"), rs.getLong("n")))
                .list();
    }

    public Optional<Entry> entry(long id) {
        return handle.createQuery("select * from register_entries where id = :id").bind("id", id).map((rs, ctx) -> entry(rs)).findOne();
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        java.sql.Date date = rs.getDate("decision_date");
        return new Entry(rs.getLong("id"), rs.getString("model_code"), rs.getInt("review_year"), rs.getString("level"),
                rs.getString("title"), rs.getString("name"), rs.getString("type"), rs.getString("field"), rs.getString("commune"),
                rs.getString("district"), rs.getString("city"), rs.getString("decision_number"),
                date == null ? null : date.toLocalDate(), rs.getString("issuer"), rs.getString("source"),
                rs.getString("nomination_id"), rs.getBoolean("overridden"), rs.getString("revoked_number"));
    }

    /** {@code %}, {@code _} and the escape taken literally; {@code !} escapes (Jdbi reads a backslash before a quote as part of the string). */
    static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
