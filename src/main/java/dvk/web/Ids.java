package dvk.web;

/** Numbers in paths and queries: a path with anything else names nothing. */
final class Ids {
    private Ids() {}

    /**
     * An id in a path: digits only (no sign, no other script's digits), else not found; so that
     * one thing has one address.
     */
    static long number(String text) {
        if (text == null || !text.matches("[0-9]{1,18}")) throw Refusal.notFound();
        return Long.parseLong(text);
    }

    /**
     * A version's number or a nomination's position in a path: as {@link #number}, and within an
     * int, else not found ({@code versions/4294967297} is not version 1).
     */
    static int smallNumber(String text) {
        long n = number(text);
        if (n > Integer.MAX_VALUE) throw Refusal.notFound();
        return (int) n;
    }

    static int numberOr(String text, int otherwise) {
        if (text == null || text.isBlank()) return otherwise;
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
