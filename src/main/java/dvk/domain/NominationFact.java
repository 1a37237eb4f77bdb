package dvk.domain;

/** A fact the rules derive about one nomination; a failing rule is reported with that nomination. */
public interface NominationFact {
    String nominationId();
}
