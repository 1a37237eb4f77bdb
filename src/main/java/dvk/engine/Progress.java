package dvk.engine;

/** Told as records are decided, so a long batch can show how far it has got. Called from several threads. */
@FunctionalInterface
public interface Progress {
    Progress NONE = records -> {};

    void decided(int records);
}
