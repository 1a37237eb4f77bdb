package dvk.bench;

/**
 * How a generated batch spreads its records over districts, and so how many candidates a district
 * quota ranks: about 2 % of a district's records are CITY_MODEL candidates.
 */
public enum Districts {
    /**
     * The default: one Hà Nội up to {@link NominationDraws#RECORDS_PER_CITY} records, then more cities
     * shaped like it ("Gia Lâm 2" in "Hà Nội 2"), as a national roll-up, so that no district grows
     * past a real one.
     */
    CITIES,
    /** One Hà Nội however large: its 30 districts by their weights, as the sample's city; Gia Lâm has about 18 %. */
    CITY,
    /** Every record in one district, Gia Lâm: the largest quota group a batch of its size can hold. */
    ONE
}
