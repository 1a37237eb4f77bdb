package dvk.web;

/** Numbers in paths and queries: a path with anything else names nothing. */
final class Ids {
    private Ids() {}

    static long number(String text) {
        try {
            long n = Long.parseLong(text);
            if (n < 0) throw Refusal.notFound();
            return n;
        } catch (NumberFormatException e) {
            throw Refusal.notFound();
        }
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
