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
import dvk.domain.Warning;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies the data contract to each record: every problem of a record is reported with its field;
 * a record with any problem is rejected and the others go on. Nothing is dropped. Names are
 * normalised before anything compares them ({@link Names}), and the spellings of districts and
 * communes counted, so that a batch says which it took for one ({@link Records#warnings}).
 */
public final class NominationValidator {
    static final Set<String> RECORD_FIELDS = Set.of("id", "name", "type", "kind", "field", "sponsor", "commune",
            "district", "city", "startDate", "completedDate", "fundsVnd", "laborDays", "beneficiaries",
            "replicationSites", "approvalPercent", "totalValueVnd", "peopleContributionVnd", "priorRecognitions",
            "violations", "dossier", "modelCode", "notes");
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
        return new Batch(raw.year(), accepted, rejected, records.warnings());
    }

    /**
     * Validates a batch's records one at a time, remembering ids to reject later duplicates and the
     * spellings of districts and communes to warn of.
     */
    public static final class Records {
        private final LocalDate referenceDate;
        private final IdRegistry ids = new IdRegistry();
        private final Spellings spellings = new Spellings();

        public Records(int year) {
            referenceDate = LocalDate.of(year, 12, 31);
        }

        public ValidatedRecord validate(RawRecord record) {
            List<FieldError> errors = new ArrayList<>(record.formatErrors());
            Nomination nomination = read(record.node(), referenceDate, errors, record.committee());
            String id = idOf(record.node(), record.committee());
            if (id != null) {
                int first = ids.putIfAbsent(id, record.index());
                if (first >= 0) {
                    errors.add(RecordFields.error("id", dvk.domain.Phrase.of("input.error.duplicateId",
                            RecordFields.quoted(id), Integer.toString(first))));
                }
            }
            String label = id != null ? id : "#" + record.index();
            String district = countSpellings(record.node(), label);
            if (errors.isEmpty()) {
                return new AcceptedRecord(record.index(), nomination);
            }
            return new RejectedRecord(record.index(), id, errors.stream().map(record::located).toList(), district,
                    RecordFields.peek(record.node(), "type", NominationType.class, record.committee()));
        }

        /** Counts how the record spells its district and commune; returns its district as counted, or null. */
        private String countSpellings(JsonNode node, String label) {
            String typedDistrict = textOf(node, "district");
            String district = typedDistrict == null ? null : Names.place(Names.clean(typedDistrict));
            if (district != null) spellings.district(typedDistrict, district, label);
            String typedCommune = textOf(node, "commune");
            if (typedCommune != null) spellings.commune(district, typedCommune, Names.place(Names.clean(typedCommune)), label);
            return district;
        }

        /** What reading the records so far found worth a look: call after the last record. */
        public List<Warning> warnings() {
            return spellings.warnings();
        }
    }

    /** A text field as typed, or null when it is not text or blank. */
    private static String textOf(JsonNode node, String name) {
        JsonNode value = node == null || !node.isObject() ? null : node.get(name);
        return value != null && value.isTextual() && !Names.clean(value.asText()).isEmpty() ? value.asText() : null;
    }

    /** The record's id as compared: cleaned; a spreadsheet's number cell as its digits. */
    private static String idOf(JsonNode node, boolean committee) {
        JsonNode id = node == null || !node.isObject() ? null : node.get("id");
        if (id != null && committee && id.isIntegralNumber()) return id.bigIntegerValue().toString();
        String text = id != null && id.isTextual() ? Names.clean(id.asText()) : "";
        return text.isEmpty() ? null : text;
    }

    /** A JSON record: codes only. The nomination, or null when {@code errors} gained any problem. */
    static Nomination read(JsonNode node, LocalDate referenceDate, List<FieldError> errors) {
        return read(node, referenceDate, errors, false);
    }

    /**
     * The nomination, or null when {@code errors} gained any problem. {@code committee}: a record of a
     * committee's spreadsheet, whose Vietnamese words and forms are read beside the codes.
     */
    static Nomination read(JsonNode node, LocalDate referenceDate, List<FieldError> errors, boolean committee) {
        if (node == null || !node.isObject()) {
            errors.add(RecordFields.error("record", dvk.domain.Phrase.of("input.error.expectedObject")));
            return null;
        }
        int before = errors.size();
        RecordFields f = new RecordFields(node, "", errors, committee);
        f.rejectUnknown(RECORD_FIELDS);
        String id = name(f.text("id", true));
        String modelCode = name(f.text("modelCode", false));
        String name = name(f.text("name", true));
        NominationType type = f.constant(NominationType.class, "type", true);
        boolean model = type == NominationType.MODEL;
        boolean work = type == NominationType.WORK;
        Kind kind = f.constant(Kind.class, "kind", model);
        FieldOfWork field = f.constant(FieldOfWork.class, "field", true);
        String sponsor = name(f.text("sponsor", true));
        String commune = place(f.text("commune", true));
        String district = place(f.text("district", true));
        String city = name(f.text("city", true));
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
            f.error("peopleContributionVnd", "input.error.contribution", Long.toString(peopleContribution),
                    Long.toString(totalValue));
        }
        List<PriorRecognition> priors = priorRecognitions(f);
        List<Violation> violations = violations(f);
        Dossier dossier = dossier(f, work);
        String notes = f.text("notes", false);
        if (errors.size() > before) return null;
        return new Nomination(id, name, type, model ? kind : null, field, sponsor, commune, district, city,
                model ? startDate : null, work ? completedDate : null, funds, laborDays, beneficiaries,
                replicationSites, approval, work ? totalValue : 0, work ? peopleContribution : 0, priors, violations,
                dossier, modelCode, notes == null ? null : notes(notes));
    }

    private static String name(String text) {
        return text == null ? null : Names.clean(text);
    }

    private static String place(String text) {
        return text == null ? null : Names.place(Names.clean(text));
    }

    /** Notes keep their lines: NFC, each line's spaces tidied, no blank lines at either end. */
    private static String notes(String text) {
        return String.join("\n", text.lines().map(Names::clean).toList()).strip();
    }

    /** E3 as input validity: a start or completion after the reference date cannot be decided. */
    private static LocalDate notAfter(RecordFields f, String name, LocalDate date, LocalDate referenceDate,
                                      boolean applies) {
        if (date != null && applies && date.isAfter(referenceDate)) {
            f.error(name, "input.error.afterReference", date.toString(), referenceDate.toString());
        }
        return date;
    }

    private static Dossier dossier(RecordFields f, boolean work) {
        JsonNode node = f.value("dossier");
        if (node == null) {
            f.error("dossier.report", "input.error.missing");
            f.error("dossier.confirmation", "input.error.missing");
            if (work) f.error("dossier.acceptance", "input.error.missing");
            return null;
        }
        if (!node.isObject()) {
            f.error("dossier", "input.error.expectedObject");
            return null;
        }
        RecordFields d = f.within(node, "dossier.");
        d.rejectUnknown(DOSSIER_FIELDS);
        return new Dossier(d.bool("report", true), d.bool("confirmation", true), d.bool("acceptance", work));
    }

    private static List<PriorRecognition> priorRecognitions(RecordFields f) {
        List<PriorRecognition> result = new ArrayList<>();
        for (RecordFields entry : f.entries("priorRecognitions")) {
            entry.rejectUnknown(RECOGNITION_FIELDS);
            Integer year = entry.year("year");
            Level level = entry.constant(Level.class, "level", true);
            String title = name(entry.text("title", true));
            if (year != null && level != null && title != null) {
                result.add(new PriorRecognition(year, level, title));
            }
        }
        return result;
    }

    private static List<Violation> violations(RecordFields f) {
        List<Violation> result = new ArrayList<>();
        for (RecordFields entry : f.entries("violations")) {
            entry.rejectUnknown(VIOLATION_FIELDS);
            Integer year = entry.year("year");
            String description = entry.text("description", false);
            if (year != null) result.add(new Violation(year, description));
        }
        return result;
    }
}
