package dvk.testing;

/**
 * Rules that misbehave, for the tests that the engine and the command stop them and name them. Each
 * passes the sandbox (no loops, nothing outside the allowlist): what goes wrong is the engine
 * being driven without end, which only the caps on firings and facts stop. Their facts are score
 * parts of a component no other rule reads, so that no other rule fires with them.
 */
public final class FaultyRules {
    /** "tick forever" derives a part one point higher from every part: it fires until the session's cap. */
    public static final String LOOP = """
            package dvk.rules;
            import dvk.domain.Nomination;
            import dvk.domain.ScorePart;

            rule "start ticking"
                @id("test.start") @cite("test")
            when
                $n : Nomination()
            then
                insertLogical(new ScorePart($n.id(), "tick", 0));
            end

            rule "tick forever"
                @id("test.tick") @cite("test")
            when
                $p : ScorePart(component == "tick")
            then
                insertLogical(new ScorePart($p.nominationId(), "tick", $p.points() + 1));
            end
            """;

    /**
     * "count to infinity" derives three new parts from every part: the facts grow faster than the
     * firings, and the cap on inserted facts stops it.
     */
    public static final String FLOOD = """
            package dvk.rules;
            import dvk.domain.Nomination;
            import dvk.domain.ScorePart;

            rule "start counting"
                @id("test.start") @cite("test")
            when
                $n : Nomination()
            then
                insertLogical(new ScorePart($n.id(), "count", 0));
            end

            rule "count to infinity"
                @id("test.count") @cite("test")
            when
                $p : ScorePart(component == "count")
            then
                insertLogical(new ScorePart($p.nominationId(), "count", $p.points() * 3 + 1));
                insertLogical(new ScorePart($p.nominationId(), "count", $p.points() * 3 + 2));
                insertLogical(new ScorePart($p.nominationId(), "count", $p.points() * 3 + 3));
            end
            """;

    private FaultyRules() {}
}
