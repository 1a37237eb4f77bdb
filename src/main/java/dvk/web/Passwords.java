package dvk.web;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Password hashes with Argon2id (password4j): 19 MiB, 2 passes, one lane, OWASP's minimum. The
 * parameters are in each hash, so stronger ones later still verify the old. Each hash or check
 * takes its 19 MiB, so only {@link #AT_ONCE} run at once; the others wait their turn, up to
 * {@link #WAIT}: 150 sign-ins sent together (before the throttle has counted any of them) asked
 * for 2.8 GB at once, and the server ran out of memory for good.
 */
final class Passwords {
    static final int MINIMUM_LENGTH = 10;
    static final int AT_ONCE = Math.max(2, Runtime.getRuntime().availableProcessors());
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final Semaphore TURNS = new Semaphore(AT_ONCE, true);
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    /** Checked against when the login does not exist, so that a wrong login takes as long as a wrong password. */
    private static final String DECOY = hash("decoy password, never anyone's");

    private Passwords() {}

    static String hash(String password) {
        return inTurn(() -> Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult());
    }

    static boolean matches(String password, String hash) {
        if (password == null || hash == null || !hash.startsWith("$argon2")) return false;
        return inTurn(() -> Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash)));
    }

    /** Runs a hash or a check when one of the {@link #AT_ONCE} turns is free; 503 when none is within {@link #WAIT}. */
    static <T> T inTurn(Supplier<T> work) {
        try {
            if (!TURNS.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS)) throw new Refusal(503, "busy", "web.login.busy");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refusal(503, "busy", "web.login.busy");
        }
        try {
            return work.get();
        } finally {
            TURNS.release();
        }
    }

    static void spendTheTimeOfACheck(String password) {
        matches(password == null ? "" : password, DECOY);
    }

    /** Why a new password is refused, as a key of the words; null when it is acceptable. */
    static String refusal(String password, String repeated, String login) {
        if (password == null || password.codePointCount(0, password.length()) < MINIMUM_LENGTH) return "web.password.short";
        if (!password.equals(repeated)) return "web.password.mismatch";
        if (login != null && password.strip().equalsIgnoreCase(login.strip())) return "web.password.login";
        return null;
    }
}
