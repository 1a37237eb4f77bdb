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
 * password. Kept in memory: a restart forgets the count, which a guesser cannot cause.
 */
final class LoginThrottle {
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int PER_ACCOUNT = 5;
    static final int PER_ADDRESS = 20;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long until a sign-in for this login from this address may be tried; zero when it may now. */
    Duration wait(String login, String address) {
        Duration account = wait("login:" + login, PER_ACCOUNT);
        Duration place = wait("ip:" + address, PER_ADDRESS);
        return account.compareTo(place) >= 0 ? account : place;
    }

    void failed(String login, String address) {
        Instant now = clock.instant();
        add("login:" + login, now);
        add("ip:" + address, now);
    }

    /** A sign-in succeeded: the account's failures are forgiven, the address's are not. */
    void succeeded(String login) {
        failures.remove("login:" + login);
    }

    private void add(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
            while (times.size() > PER_ADDRESS) times.removeFirst();
        }
    }

    private Duration wait(String key, int limit) {
        Deque<Instant> times = failures.get(key);
        if (times == null) return Duration.ZERO;
        Instant now = clock.instant();
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().plus(WINDOW).isBefore(now)) times.removeFirst();
            if (times.size() < limit) return Duration.ZERO;
            // the failure that has to leave the window before one more try is allowed
            Instant blocking = times.stream().skip(times.size() - limit).findFirst().orElseThrow();
            return Duration.between(now, blocking.plus(WINDOW));
        }
    }
}
