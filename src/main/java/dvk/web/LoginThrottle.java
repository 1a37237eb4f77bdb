package dvk.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins counted per account and per address over a sliding window: past the limit, that
 * account or address is refused until the oldest failure leaves the window, even with the right
 * password. Kept in memory: a restart forgets the count, which a guesser cannot cause. What is kept
 * is bounded whatever is typed: a login is counted by its first {@link #LOGIN_KEPT} characters (no
 * account's is longer), and the failures that have left the window are forgotten with their keys.
 */
final class LoginThrottle {
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int PER_ACCOUNT = 5;
    static final int PER_ADDRESS = 20;
    /** Logins have at most 64 characters: a longer one typed is counted by its start, never kept whole. */
    static final int LOGIN_KEPT = 65;
    /** How often the keys whose failures have all left the window are swept away. */
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private volatile Instant swept = Instant.MIN;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long until a sign-in for this login from this address may be tried; zero when it may now. */
    Duration wait(String login, String address) {
        Duration account = wait(loginKey(login), PER_ACCOUNT);
        Duration place = wait("ip:" + address, PER_ADDRESS);
        return account.compareTo(place) >= 0 ? account : place;
    }

    void failed(String login, String address) {
        Instant now = clock.instant();
        sweep(now);
        add(loginKey(login), now);
        add("ip:" + address, now);
    }

    /** A sign-in succeeded: the account's failures are forgiven, the address's are not. */
    void succeeded(String login) {
        failures.remove(loginKey(login));
    }

    /** How many logins and addresses are counted now. */
    int size() {
        return failures.size();
    }

    private static String loginKey(String login) {
        return "login:" + (login.length() <= LOGIN_KEPT ? login : login.substring(0, LOGIN_KEPT));
    }

    private void add(String key, Instant now) {
        failures.compute(key, (k, times) -> {
            Deque<Instant> kept = times == null ? new ArrayDeque<>() : times;
            kept.addLast(now);
            while (kept.size() > PER_ADDRESS) kept.removeFirst();
            return kept;
        });
    }

    private Duration wait(String key, int limit) {
        Instant now = clock.instant();
        Duration[] wait = {Duration.ZERO};
        failures.computeIfPresent(key, (k, times) -> {
            forgetOld(times, now);
            if (times.size() >= limit) {
                // the failure that has to leave the window before one more try is allowed
                Instant blocking = times.stream().skip(times.size() - limit).findFirst().orElseThrow();
                wait[0] = Duration.between(now, blocking.plus(WINDOW));
            }
            return times.isEmpty() ? null : times;
        });
        return wait[0];
    }

    /** Now and then, every key whose failures have all left the window is dropped. */
    private void sweep(Instant now) {
        if (swept.plus(SWEEP_EVERY).isAfter(now)) return;
        swept = now;
        for (String key : failures.keySet()) {
            failures.computeIfPresent(key, (k, times) -> {
                forgetOld(times, now);
                return times.isEmpty() ? null : times;
            });
        }
    }

    private static void forgetOld(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && times.peekFirst().plus(WINDOW).isBefore(now)) times.removeFirst();
    }
}
