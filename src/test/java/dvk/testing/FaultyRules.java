package dvk.testing;

/** Rules that misbehave, for the tests that the engine and the command stop them and name them. */
public final class FaultyRules {
    /** "tick forever" re-inserts what it deletes: it fires until the session's cap. */
    public static final String LOOP = """
            package dvk.rules;
            import dvk.domain.Nomination;

            rule "start ticking"
                @id("test.start") @cite("test")
            when
                $n : Nomination()
            then
                insert(new StringBuilder($n.id()));
            end

            rule "tick forever"
                @id("test.tick") @cite("test")
            when
                $s : StringBuilder()
            then
                delete($s);
                insert(new StringBuilder($s));
            end
            """;

    /** "count to infinity" inserts facts in a loop inside one firing: only the cap on inserted facts stops it. */
    public static final String FLOOD = """
            package dvk.rules;
            import dvk.domain.Nomination;

            rule "count to infinity"
                @id("test.count") @cite("test")
            when
                $n : Nomination()
            then
                for (long i = 0; ; i++) {
                    insert(Long.valueOf(i));
                }
            end
            """;

    private FaultyRules() {}
}
