package dvk.domain;

/**
 * A nomination that meets every criterion of a quota-limited title but the quota itself; the
 * quota rule ranks these within their district.
 */
public record QuotaCandidate(String nominationId, String title, String district, int score, long beneficiaries) implements NominationFact {
    /** The group this candidate is ranked in: equal for every candidate of its title and district. */
    public QuotaGroup group() {
        return new QuotaGroup(title, district);
    }
}
