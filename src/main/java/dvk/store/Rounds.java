package dvk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * Review rounds and their versions. A version is written whole in its transaction (the file, the
 * decisions, a row per record) and never changed after; a corrected file is the next version.
 */
public final class Rounds {
    private final Handle handle;

    Rounds(Handle handle) {
        this.handle = handle;
    }

    /** A round with its newest version (null before the first upload commits, which never shows outside its transaction). */
    public record Round(long id, int year, String name, String createdBy, Instant createdAt, int versions, Version latest) {}

    /**
     * One upload of a round, as stored; {@code summaryJson} is the data contract's {@code summary}
     * object (messages in Vietnamese), {@code warningsEnJson} its warnings in English.
     */
    public record Version(long id, long roundId, int number, String fileName, String fileSha256, long fileSize, int year,
                          String ruleSet, String ruleSource, String ruleSetName, int records, int decided, int rejected,
                          String summaryJson, String warningsEnJson, String decisionsSha256, String note, String uploadedBy,
                          Instant uploadedAt) {}

    /**
     * One decided record: what the round's page filters and lists; {@code detailJson} is the decision
     * as the data contract writes it (null in lists).
     */
    public record DecisionRow(int position, String nominationId, String name, String type, String kind, String field,
                              String sponsor, String commune, String district, String city, Integer score,
                              List<String> titles, String searchText, String detailJson) {
        public DecisionRow {
            titles = List.copyOf(titles);
        }
    }

    /** A rejected record; {@code errorsJson} is its list of {@code {field, message, vi}}: the message in English and in Vietnamese. */
    public record RejectedRow(int position, String nominationId, String errorsJson) {}

    /** Everything a new version holds. */
    public record NewVersion(String fileName, byte[] input, String fileSha256, int year, String ruleSet, int records,
                             int decided, int rejected, String summaryJson, String warningsEnJson, byte[] decisionsGzip,
                             String decisionsSha256,
                             List<DecisionRow> decisions, List<RejectedRow> rejectedRows, String note) {}

    /** What the list of decisions shows: blank fields do not filter; {@code title} {@link #NO_TITLE} means none awarded. */
    public record Filter(String district, String title, String type, String text, int offset, int limit) {
        public static final String NO_TITLE = "-";

        public static Filter all(int limit) {
            return new Filter(null, null, null, null, 0, limit);
        }
    }

    public record Page<T>(List<T> items, long total) {}

    public long create(int year, String name, long userId, Instant now) {
        return handle.createUpdate("insert into rounds (review_year, name, created_by, created_at) values (:year, :name, :user, :now)")
                .bind("year", year).bind("name", name.strip()).bind("user", userId).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Adds the next version of a round; concurrent uploads to one round get consecutive numbers. */
    public Version addVersion(long roundId, NewVersion v, long userId, Instant now) {
        // the round's row is locked until commit, so two uploads cannot both take the same number
        handle.createQuery("select id from rounds where id = :id for update").bind("id", roundId).mapTo(Long.class).one();
        int number = handle.createQuery("select coalesce(max(version), 0) + 1 from round_versions where round_id = :id")
                .bind("id", roundId).mapTo(Integer.class).one();
        long versionId = handle.createUpdate("insert into round_versions (round_id, version, file_name, file_sha256, file_size,"
                        + " input, batch_year, rule_set, records, decided, rejected, summary, warnings_en, decisions_gzip, decisions_sha256,"
                        + " note, uploaded_by, uploaded_at) values (:round, :number, :fileName, :fileSha, :fileSize, :input,"
                        + " :year, :ruleSet, :records, :decided, :rejected, :summary, :warningsEn, :decisions, :decisionsSha, :note, :user, :now)")
                .bind("round", roundId).bind("number", number).bind("fileName", v.fileName()).bind("fileSha", v.fileSha256())
                .bind("fileSize", (long) v.input().length).bind("input", v.input()).bind("year", v.year())
                .bind("ruleSet", v.ruleSet()).bind("records", v.records()).bind("decided", v.decided())
                .bind("rejected", v.rejected()).bind("summary", v.summaryJson()).bind("warningsEn", v.warningsEnJson())
                .bind("decisions", v.decisionsGzip())
                .bind("decisionsSha", v.decisionsSha256()).bind("note", v.note()).bind("user", userId).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        insertDecisions(versionId, v.decisions());
        insertRejected(versionId, v.rejectedRows());
        return version(roundId, number).orElseThrow();
    }

    private void insertDecisions(long versionId, List<DecisionRow> rows) {
        PreparedBatch decisions = handle.prepareBatch("insert into decisions (version_id, position, nomination_id, name, type,"
                + " kind, field, sponsor, commune, district, city, score, search_text, detail) values (:version, :position,"
                + " :id, :name, :type, :kind, :field, :sponsor, :commune, :district, :city, :score, :search, :detail)");
        PreparedBatch awards = handle.prepareBatch("insert into decision_awards (version_id, position, title) values (:version, :position, :title)");
        int pending = 0;
        boolean anyAward = false;
        for (DecisionRow row : rows) {
            decisions.bind("version", versionId).bind("position", row.position()).bind("id", row.nominationId())
                    .bind("name", row.name()).bind("type", row.type()).bind("kind", row.kind()).bind("field", row.field())
                    .bind("sponsor", row.sponsor()).bind("commune", row.commune()).bind("district", row.district())
                    .bind("city", row.city()).bind("score", row.score()).bind("search", row.searchText())
                    .bind("detail", row.detailJson()).add();
            for (String title : row.titles()) {
                awards.bind("version", versionId).bind("position", row.position()).bind("title", title).add();
                anyAward = true;
            }
            if (++pending == 500) {
                // in slices, so that a batch of 12,000 does not hold every row's parameters at once
                decisions.execute();
                pending = 0;
            }
        }
        if (pending > 0) decisions.execute();
        if (anyAward) awards.execute();
    }

    private void insertRejected(long versionId, List<RejectedRow> rows) {
        if (rows.isEmpty()) return;
        PreparedBatch batch = handle.prepareBatch("insert into rejected_records (version_id, position, nomination_id, errors)"
                + " values (:version, :position, :id, :errors)");
        for (RejectedRow row : rows) {
            batch.bind("version", versionId).bind("position", row.position()).bind("id", row.nominationId())
                    .bind("errors", row.errorsJson()).add();
        }
        batch.execute();
    }

    private static final String VERSION_COLUMNS = "v.id, v.round_id, v.version, v.file_name, v.file_sha256, v.file_size,"
            + " v.batch_year, v.rule_set, rs.source as rule_source, rs.name as rule_name, v.records, v.decided, v.rejected,"
            + " v.summary, v.warnings_en, v.decisions_sha256, v.note, u.login as uploaded_by, v.uploaded_at";
    private static final String VERSION_FROM = " from round_versions v join rule_sets rs on rs.fingerprint = v.rule_set"
            + " join users u on u.id = v.uploaded_by";

    /** Every round, newest first, with its newest version. */
    public List<Round> list() {
        Map<Long, Version> latest = new LinkedHashMap<>();
        handle.createQuery("select " + VERSION_COLUMNS + VERSION_FROM
                        + " where v.version = (select max(w.version) from round_versions w where w.round_id = v.round_id)")
                .map((rs, ctx) -> version(rs)).forEach(v -> latest.put(v.roundId(), v));
        return handle.createQuery("select r.id, r.review_year, r.name, u.login, r.created_at,"
                        + " (select count(*) from round_versions w where w.round_id = r.id) as versions"
                        + " from rounds r join users u on u.id = r.created_by order by r.id desc")
                .map((rs, ctx) -> round(rs, latest.get(rs.getLong("id")))).list();
    }

    public Optional<Round> round(long id) {
        return handle.createQuery("select r.id, r.review_year, r.name, u.login, r.created_at,"
                        + " (select count(*) from round_versions w where w.round_id = r.id) as versions"
                        + " from rounds r join users u on u.id = r.created_by where r.id = :id")
                .bind("id", id).map((rs, ctx) -> round(rs, null)).findOne()
                .map(r -> new Round(r.id(), r.year(), r.name(), r.createdBy(), r.createdAt(), r.versions(),
                        r.versions() == 0 ? null : version(r.id(), r.versions()).orElse(null)));
    }

    /** A round's versions, oldest first. */
    public List<Version> versions(long roundId) {
        return handle.createQuery("select " + VERSION_COLUMNS + VERSION_FROM + " where v.round_id = :round order by v.version")
                .bind("round", roundId).map((rs, ctx) -> version(rs)).list();
    }

    public Optional<Version> version(long roundId, int number) {
        return handle.createQuery("select " + VERSION_COLUMNS + VERSION_FROM + " where v.round_id = :round and v.version = :number")
                .bind("round", roundId).bind("number", number).map((rs, ctx) -> version(rs)).findOne();
    }

    /** A page of a version's decisions in input order, filtered. */
    public Page<DecisionRow> decisions(long versionId, Filter filter) {
        StringBuilder where = new StringBuilder(" where d.version_id = :version");
        if (present(filter.district())) where.append(" and d.district = :district");
        if (present(filter.type())) where.append(" and d.type = :type");
        if (present(filter.text())) where.append(" and d.search_text like :text escape '\\'");
        if (Filter.NO_TITLE.equals(filter.title())) {
            where.append(" and not exists (select 1 from decision_awards a where a.version_id = d.version_id and a.position = d.position)");
        } else if (present(filter.title())) {
            where.append(" and exists (select 1 from decision_awards a where a.version_id = d.version_id"
                    + " and a.position = d.position and a.title = :title)");
        }
        long total = bindFilter(handle.createQuery("select count(*) from decisions d" + where), versionId, filter)
                .mapTo(Long.class).one();
        List<DecisionRow> rows = bindFilter(handle.createQuery("select d.position, d.nomination_id, d.name, d.type, d.kind,"
                        + " d.field, d.sponsor, d.commune, d.district, d.city, d.score, d.search_text from decisions d" + where
                        + " order by d.position limit :limit offset :offset"), versionId, filter)
                .bind("limit", filter.limit()).bind("offset", filter.offset())
                .map((rs, ctx) -> decision(rs, null)).list();
        return new Page<>(withTitles(versionId, rows), total);
    }

    private static Query bindFilter(Query query, long versionId, Filter filter) {
        query.bind("version", versionId);
        if (present(filter.district())) query.bind("district", filter.district());
        if (present(filter.type())) query.bind("type", filter.type());
        if (present(filter.text())) query.bind("text", "%" + likeEscaped(Texts.folded(filter.text())) + "%");
        if (present(filter.title()) && !Filter.NO_TITLE.equals(filter.title())) query.bind("title", filter.title());
        return query;
    }

    /** One decision with its detail, by its position in the input. */
    public Optional<DecisionRow> decision(long versionId, int position) {
        return handle.createQuery("select * from decisions d where d.version_id = :version and d.position = :position")
                .bind("version", versionId).bind("position", position)
                .map((rs, ctx) -> decision(rs, rs.getString("detail"))).findOne()
                .map(row -> withTitles(versionId, List.of(row)).get(0));
    }

    /** One decision with its detail, by the nomination's id. */
    public Optional<DecisionRow> decision(long versionId, String nominationId) {
        return handle.createQuery("select position from decisions where version_id = :version and nomination_id = :id")
                .bind("version", versionId).bind("id", nominationId).mapTo(Integer.class).findFirst()
                .flatMap(position -> decision(versionId, position));
    }

    /** Every decision's detail JSON in input order (the API's stream of a version's decisions). */
    public List<String> details(long versionId) {
        return handle.createQuery("select detail from decisions where version_id = :version order by position")
                .bind("version", versionId).mapTo(String.class).list();
    }

    public List<RejectedRow> rejected(long versionId) {
        return handle.createQuery("select position, nomination_id, errors from rejected_records where version_id = :version order by position")
                .bind("version", versionId)
                .map((rs, ctx) -> new RejectedRow(rs.getInt("position"), rs.getString("nomination_id"), rs.getString("errors")))
                .list();
    }

    /** The districts of a version's decisions, in order of name. */
    public List<String> districts(long versionId) {
        return handle.createQuery("select distinct district from decisions where version_id = :version order by district")
                .bind("version", versionId).mapTo(String.class).list();
    }

    /** Titles awarded per district: district → title → count, districts by name. */
    public Map<String, Map<String, Long>> titlesByDistrict(long versionId) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        handle.createQuery("select d.district, a.title, count(*) as n from decision_awards a join decisions d"
                        + " on d.version_id = a.version_id and d.position = a.position where a.version_id = :version"
                        + " group by d.district, a.title order by d.district, a.title")
                .bind("version", versionId)
                .map((rs, ctx) -> new Object[] {rs.getString("district"), rs.getString("title"), rs.getLong("n")})
                .forEach(row -> counts.computeIfAbsent((String) row[0], k -> new LinkedHashMap<>()).put((String) row[1], (Long) row[2]));
        return counts;
    }

    public Optional<byte[]> input(long versionId) {
        return handle.createQuery("select input from round_versions where id = :id").bind("id", versionId)
                .map((rs, ctx) -> rs.getBytes("input")).findOne();
    }

    public Optional<byte[]> decisionsGzip(long versionId) {
        return handle.createQuery("select decisions_gzip from round_versions where id = :id").bind("id", versionId)
                .map((rs, ctx) -> rs.getBytes("decisions_gzip")).findOne();
    }

    private List<DecisionRow> withTitles(long versionId, List<DecisionRow> rows) {
        if (rows.isEmpty()) return rows;
        int from = rows.get(0).position();
        int to = rows.get(rows.size() - 1).position();
        Map<Integer, List<String>> titles = new LinkedHashMap<>();
        handle.createQuery("select position, title from decision_awards where version_id = :version"
                        + " and position between :from and :to order by position, title")
                .bind("version", versionId).bind("from", from).bind("to", to)
                .map((rs, ctx) -> Map.entry(rs.getInt("position"), rs.getString("title")))
                .forEach(e -> titles.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        List<DecisionRow> filled = new ArrayList<>(rows.size());
        for (DecisionRow r : rows) {
            filled.add(new DecisionRow(r.position(), r.nominationId(), r.name(), r.type(), r.kind(), r.field(), r.sponsor(),
                    r.commune(), r.district(), r.city(), r.score(), titles.getOrDefault(r.position(), List.of()),
                    r.searchText(), r.detailJson()));
        }
        return filled;
    }

    private static DecisionRow decision(ResultSet rs, String detail) throws SQLException {
        return new DecisionRow(rs.getInt("position"), rs.getString("nomination_id"), rs.getString("name"), rs.getString("type"),
                rs.getString("kind"), rs.getString("field"), rs.getString("sponsor"), rs.getString("commune"),
                rs.getString("district"), rs.getString("city"), Rows.integer(rs, "score"), List.of(),
                rs.getString("search_text"), detail);
    }

    private static Round round(ResultSet rs, Version latest) throws SQLException {
        return new Round(rs.getLong("id"), rs.getInt("review_year"), rs.getString("name"), rs.getString("login"),
                Rows.instant(rs, "created_at"), rs.getInt("versions"), latest);
    }

    private static Version version(ResultSet rs) throws SQLException {
        return new Version(rs.getLong("id"), rs.getLong("round_id"), rs.getInt("version"), rs.getString("file_name"),
                rs.getString("file_sha256"), rs.getLong("file_size"), rs.getInt("batch_year"), rs.getString("rule_set"),
                rs.getString("rule_source"), rs.getString("rule_name"), rs.getInt("records"), rs.getInt("decided"),
                rs.getInt("rejected"), rs.getString("summary"), rs.getString("warnings_en"), rs.getString("decisions_sha256"),
                rs.getString("note"),
                rs.getString("uploaded_by"), Rows.instant(rs, "uploaded_at"));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** {@code %}, {@code _} and the escape itself taken literally in a LIKE pattern. */
    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
