package dvk.web;

import java.util.List;

/**
 * A request that is answered with an error: its status, what went wrong as a key of the words (with
 * arguments), and any details (the problems of a broken file, one a line). Thrown from a handler or
 * the guard; {@link Responses} turns it into a page, or for the API into {@code application/problem+json}.
 */
final class Refusal extends RuntimeException {
    final int status;
    final String code;
    final String key;
    final transient Object[] arguments;
    final List<String> details;

    Refusal(int status, String code, String key, List<String> details, Object... arguments) {
        super(code);
        this.status = status;
        this.code = code;
        this.key = key;
        this.arguments = arguments;
        this.details = List.copyOf(details);
    }

    Refusal(int status, String code, String key, Object... arguments) {
        this(status, code, key, List.of(), arguments);
    }

    static Refusal notFound() {
        return new Refusal(404, "not-found", "web.error.notFound");
    }

    static Refusal badRequest(String key, Object... arguments) {
        return new Refusal(400, "bad-request", key, arguments);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // an answer, not a bug: no stack trace to fill
    }
}
