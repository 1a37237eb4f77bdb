package dvk.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One validated entry of a batch. Fields that do not apply to the type are null (dates) or 0
 * (amounts), as the data contract reads absent optional numbers.
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
        Dossier dossier) {

    public Nomination {
        priorRecognitions = List.copyOf(priorRecognitions);
        violations = List.copyOf(violations);
    }

    /** The date months are counted from: start of a model, completion of a work. */
    public LocalDate runningSince() {
        return type == NominationType.MODEL ? startDate : completedDate;
    }
}
