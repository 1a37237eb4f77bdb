package dvk.app;

/** What an evaluation tells as it goes: each phase as it ends (for timings), and its progress. */
public interface EvaluationObserver {
    EvaluationObserver NONE = new EvaluationObserver() {};

    /** A phase has ended: {@code open b.json (year 2024)}, {@code build rules (…)}. */
    default void phaseEnded(String phase) {}

    /** Progress through a batch file of {@code fileSize} bytes. */
    default Progress progress(long fileSize) {
        return Progress.NONE;
    }

    /** Records told so far, and how far through the file reading has come. */
    interface Progress extends AutoCloseable {
        Progress NONE = new Progress() {
            @Override
            public void update(long records, long bytesRead) {}

            @Override
            public void close() {}
        };

        void update(long records, long bytesRead);

        @Override
        void close();
    }
}
