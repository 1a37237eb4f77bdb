package dvk.web;

/** The workspace's addresses, named once; {@link Workspace} declares the routes with who may use them. */
final class Routes {
    static final String ROUNDS = "/rounds";
    static final String REGISTER = "/register";
    static final String STATISTICS = "/statistics";

    private Routes() {}

    static String round(long id) {
        return ROUNDS + "/" + id;
    }

    static String versions(long roundId) {
        return round(roundId) + "/versions";
    }

    static String version(long roundId, int number) {
        return versions(roundId) + "/" + number;
    }

    static String card(long roundId, int number, int position) {
        return version(roundId, number) + "/nominations/" + position;
    }

    static String download(long roundId, int number, String what) {
        return version(roundId, number) + "/" + what;
    }

    static String apiRound(long id) {
        return "/api/v1/rounds/" + id;
    }

    static String apiDecisions(long roundId, int number) {
        return apiRound(roundId) + "/versions/" + number + "/decisions";
    }
}
