package dvk.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The workspace's data, read and changed in transactions: a change and its audit entry commit
 * together or not at all, and a process killed midway leaves nothing half-written.
 */
public final class Store {
    private final Jdbi jdbi;

    public Store(Database database) {
        this.jdbi = database.jdbi();
    }

    /** Work in one transaction: its repositories share it. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Tx tx) throws Exception;
    }

    /** The repositories over one transaction's connection. */
    public static final class Tx {
        private final Handle handle;

        Tx(Handle handle) {
            this.handle = handle;
        }

        public Users users() {
            return new Users(handle);
        }

        public Sessions sessions() {
            return new Sessions(handle);
        }

        public ApiTokens apiTokens() {
            return new ApiTokens(handle);
        }

        public SetupLinks setupLinks() {
            return new SetupLinks(handle);
        }

        public AuditLog audit() {
            return new AuditLog(handle);
        }

        public Rounds rounds() {
            return new Rounds(handle);
        }

        public RuleSets ruleSets() {
            return new RuleSets(handle);
        }

        public Council council() {
            return new Council(handle);
        }

        public Register register() {
            return new Register(handle);
        }

        public VersionPriors versionPriors() {
            return new VersionPriors(handle);
        }

        public RulesPutInForce rulesInForce() {
            return new RulesPutInForce(handle);
        }

        public RuleDrafts ruleDrafts() {
            return new RuleDrafts(handle);
        }
    }

    /** Runs {@code work} in a transaction, committed when it returns, rolled back when it throws. */
    public <T> T transaction(Work<T> work) {
        return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, handle -> call(work, handle));
    }

    /** Runs {@code work} on one connection without a transaction of its own (reads). */
    public <T> T read(Work<T> work) {
        return jdbi.withHandle(handle -> call(work, handle));
    }

    private static <T> T call(Work<T> work, Handle handle) {
        try {
            return work.run(new Tx(handle));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreException(e);
        }
    }

    /** A checked exception from inside a transaction, after its rollback. */
    public static final class StoreException extends RuntimeException {
        StoreException(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
