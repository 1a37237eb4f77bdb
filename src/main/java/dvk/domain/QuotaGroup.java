package dvk.domain;

/** The candidates for one quota-limited title in one district: what a quota ranks together. */
public record QuotaGroup(String title, String district) {}
