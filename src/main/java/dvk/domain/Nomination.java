package dvk.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One validated entry of a batch. Fields that do not apply to the type are null (dates) or 0
 * (amounts), as the data contract reads absent optional numbers. Names are normalised (Unicode
 * NFC, no surrounding or repeated spaces; a district or commune without its administrative prefix).
 * {@code modelCode} (the award register's code) and {@code notes} (the committee's free text) are
 * optional, null when absent, and never evaluated.
 */
public record Nomination(
        String id,
        String name,
        NominationType type,
        Kind kind,
        FieldOfWork field,
        String sponsor,
        String commune,
        String district,
        String city,
        LocalDate startDate,
        LocalDate completedDate,
        long fundsVnd,
        long laborDays,
        long beneficiaries,
        long replicationSites,
        BigDecimal approvalPercent,
        long totalValueVnd,
        long peopleContributionVnd,
        List<PriorRecognition> priorRecognitions,
        List<Violation> violations,
        Dossier dossier,
        String modelCode,
        String notes) {

    public Nomination {
        priorRecognitions = List.copyOf(priorRecognitions);
        violations = List.copyOf(violations);
    }

    /** A nomination without a model code or notes. */
    public Nomination(String id, String name, NominationType type, Kind kind, FieldOfWork field, String sponsor,
                      String commune, String district, String city, LocalDate startDate, LocalDate completedDate,
                      long fundsVnd, long laborDays, long beneficiaries, long replicationSites,
                      BigDecimal approvalPercent, long totalValueVnd, long peopleContributionVnd,
                      List<PriorRecognition> priorRecognitions, List<Violation> violations, Dossier dossier) {
        this(id, name, type, kind, field, sponsor, commune, district, city, startDate, completedDate, fundsVnd, laborDays,
                beneficiaries, replicationSites, approvalPercent, totalValueVnd, peopleContributionVnd, priorRecognitions,
                violations, dossier, null, null);
    }

    /** The date months are counted from: start of a model, completion of a work. */
    public LocalDate runningSince() {
        return type == NominationType.MODEL ? startDate : completedDate;
    }
}
