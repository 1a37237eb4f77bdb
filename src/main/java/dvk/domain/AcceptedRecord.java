package dvk.domain;

/** A record that met the data contract, with its 0-based position in the input. */
public record AcceptedRecord(int index, Nomination nomination) implements ValidatedRecord {
    public Indexed<Nomination> indexed() {
        return new Indexed<>(index, nomination);
    }
}
