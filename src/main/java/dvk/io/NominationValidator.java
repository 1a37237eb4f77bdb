package dvk.io;

import com.fasterxml.jackson.databind.JsonNode;
import dvk.domain.AcceptedRecord;
import dvk.domain.Batch;
import dvk.domain.Dossier;
import dvk.domain.FieldError;
import dvk.domain.FieldOfWork;
import dvk.domain.Indexed;
import dvk.domain.Kind;
import dvk.domain.Level;
import dvk.domain.Nomination;
import dvk.domain.NominationType;
import dvk.domain.PriorRecognition;
import dvk.domain.RejectedRecord;
import dvk.domain.ValidatedRecord;
import dvk.domain.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies the data contract to each record: every problem of a record is reported with its field;
 * a record with any problem is rejected and the others go on. Nothing is dropped.
 */
public final class NominationValidator {
    static final Set<String> RECORD_FIELDS = Set.of("id", "name", "type", "kind", "field", "sponsor", "commune",
            "district", "city", "startDate", "completedDate", "fundsVnd", "laborDays", "beneficiaries",
            "replicationSites", "approvalPercent", "totalValueVnd", "peopleContributionVnd", "priorRecognitions",
            "violations", "dossier");
    static final Set<String> DOSSIER_FIELDS = Set.of("report", "confirmation", "acceptance");
    static final Set<String> RECOGNITION_FIELDS = Set.of("year", "level", "title");
    static final Set<String> VIOLATION_FIELDS = Set.of("year", "description");

    private NominationValidator() {}

    public static Batch validate(RawBatch raw) {
        List<Indexed<Nomination>> accepted = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        Records records = new Records(raw.year());
        for (RawRecord record : raw.records()) {
            ValidatedRecord validated = records.validate(record);
            if (validated instanceof AcceptedRecord a) {
                accepted.add(a.indexed());
            } else {
                rejected.add((RejectedRecord) validated);
            }
        }
        return new Batch(raw.year(), accepted, rejected);
    }

    /** Validates a batch's records one at a time, remembering ids to reject later duplicates. */
    public static final class Records {
        private final LocalDate referenceDate;
        private final IdRegistry ids = new IdRegistry();

        public Records(int year) {
            referenceDate = LocalDate.of(year, 12, 31);
        }

        public ValidatedRecord validate(RawRecord record) {
            List<FieldError> errors = new ArrayList<>(record.formatErrors());
            Nomination nomination = read(record.node(), referenceDate, errors);
            String id = idOf(record.node());
            if (id != null) {
                int first = ids.putIfAbsent(id, record.index());
                if (first >= 0) {
                    errors.add(new FieldError("id", "duplicate id \"" + id + "\", first used by record " + first));
                }
            }
            if (errors.isEmpty()) {
                return new AcceptedRecord(record.index(), nomination);
            }
            return new RejectedRecord(record.index(), id, errors.stream().map(record::located).toList());
        }
    }

    private static String idOf(JsonNode node) {
        JsonNode id = node == null ? null : node.get("id");
        return id != null && id.isTextual() && !id.asText().isBlank() ? id.asText() : null;
    }

    /** The nomination, or null when {@code errors} gained any problem. */
    static Nomination read(JsonNode node, LocalDate referenceDate, List<FieldError> errors) {
        if (node == null || !node.isObject()) {
            errors.add(new FieldError("record", "expected an object"));
            return null;
        }
        int before = errors.size();
        RecordFields f = new RecordFields(node, "", errors);
        f.rejectUnknown(RECORD_FIELDS);
        String id = f.text("id", true);
        String name = f.text("name", true);
        NominationType type = f.constant(NominationType.class, "type", true);
        boolean model = type == NominationType.MODEL;
        boolean work = type == NominationType.WORK;
        Kind kind = f.constant(Kind.class, "kind", model);
        FieldOfWork field = f.constant(FieldOfWork.class, "field", true);
        String sponsor = f.text("sponsor", true);
        String commune = f.text("commune", true);
        String district = f.text("district", true);
        String city = f.text("city", true);
        LocalDate startDate = notAfter(f, "startDate", f.date("startDate", model), referenceDate, model);
        LocalDate completedDate = notAfter(f, "completedDate", f.date("completedDate", work), referenceDate, work);
        long funds = f.whole("fundsVnd", false);
        long laborDays = f.whole("laborDays", false);
        long beneficiaries = f.whole("beneficiaries", false);
        long replicationSites = f.whole("replicationSites", false);
        BigDecimal approval = f.percent("approvalPercent");
        long totalValue = f.whole("totalValueVnd", work);
        long peopleContribution = f.whole("peopleContributionVnd", work);
        if (work && f.has("totalValueVnd") && f.has("peopleContributionVnd") && peopleContribution > totalValue) {
            f.error("peopleContributionVnd", "people's contribution " + peopleContribution
                    + " is more than the total value " + totalValue);
        }
        List<PriorRecognition> priors = priorRecognitions(f);
        List<Violation> violations = violations(f);
        Dossier dossier = dossier(f, work);
        if (errors.size() > before) return null;
        return new Nomination(id, name, type, model ? kind : null, field, sponsor, commune, district, city,
                model ? startDate : null, work ? completedDate : null, funds, laborDays, beneficiaries,
                replicationSites, approval, work ? totalValue : 0, work ? peopleContribution : 0, priors, violations,
                dossier);
    }

    /** E3 as input validity: a start or completion after the reference date cannot be decided. */
    private static LocalDate notAfter(RecordFields f, String name, LocalDate date, LocalDate referenceDate,
                                      boolean applies) {
        if (date != null && applies && date.isAfter(referenceDate)) {
            f.error(name, date + " is after the reference date " + referenceDate);
        }
        return date;
    }

    private static Dossier dossier(RecordFields f, boolean work) {
        JsonNode node = f.value("dossier");
        if (node == null) {
            f.error("dossier.report", "required field is missing");
            f.error("dossier.confirmation", "required field is missing");
            if (work) f.error("dossier.acceptance", "required field is missing");
            return null;
        }
        if (!node.isObject()) {
            f.error("dossier", "expected an object");
            return null;
        }
        RecordFields d = new RecordFields(node, f.path("dossier."), f.errors());
        d.rejectUnknown(DOSSIER_FIELDS);
        return new Dossier(d.bool("report", true), d.bool("confirmation", true), d.bool("acceptance", work));
    }

    private static List<PriorRecognition> priorRecognitions(RecordFields f) {
        List<PriorRecognition> result = new ArrayList<>();
        for (RecordFields entry : entries(f, "priorRecognitions")) {
            entry.rejectUnknown(RECOGNITION_FIELDS);
            Integer year = entry.year("year");
            Level level = entry.constant(Level.class, "level", true);
            String title = entry.text("title", true);
            if (year != null && level != null && title != null) {
                result.add(new PriorRecognition(year, level, title));
            }
        }
        return result;
    }

    private static List<Violation> violations(RecordFields f) {
        List<Violation> result = new ArrayList<>();
        for (RecordFields entry : entries(f, "violations")) {
            entry.rejectUnknown(VIOLATION_FIELDS);
            Integer year = entry.year("year");
            String description = entry.text("description", false);
            if (year != null) result.add(new Violation(year, description));
        }
        return result;
    }

    private static List<RecordFields> entries(RecordFields f, String name) {
        JsonNode list = f.value(name);
        List<RecordFields> entries = new ArrayList<>();
        if (list == null) return entries;
        if (!list.isArray()) {
            f.error(name, "expected a list");
            return entries;
        }
        for (int i = 0; i < list.size(); i++) {
            String path = name + "[" + i + "]";
            if (!list.get(i).isObject()) {
                f.error(path, "expected an object");
            } else {
                entries.add(new RecordFields(list.get(i), f.path(path + "."), f.errors()));
            }
        }
        return entries;
    }
}
