package dvk.store;

/**
 * What a person may do in the workspace. Every signed-in person reads; each role adds its work.
 * A person may hold several roles.
 */
public enum Role {
    /** Accounts: creates people, gives and takes roles, reads the audit log. */
    ADMIN,
    /** The committee's secretary: uploads batches, evaluates, and (later) records the council's decisions. */
    SECRETARY,
    /** Policy staff: the rules (a later issue). */
    POLICY,
    /** Reads rounds and reports. */
    VIEWER
}
