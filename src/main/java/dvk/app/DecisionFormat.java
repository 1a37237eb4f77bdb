package dvk.app;

/** How an evaluation's decisions are written. JSON and CSV stream; XLSX and HTML need the whole batch. */
public enum DecisionFormat {
    JSON, CSV, XLSX, HTML;

    public boolean streamed() {
        return this == JSON || this == CSV;
    }
}
