package dvk.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dvk.domain.Decision;
import dvk.domain.Nomination;
import dvk.domain.ProvisionalQuota;
import dvk.domain.RejectedRecord;
import dvk.domain.TitleDefinition;
import dvk.engine.DecisionListener;
import dvk.io.OrderedSpill;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The {@link DecisionTable} as CSV, written as decisions are made: rows rendered on the evaluating
 * threads, spilled in input order, a quota decision's row put in its place at the end (marked when
 * its district's quota is provisional, which is known by then). UTF-8 with a BOM, so that Excel
 * shows Vietnamese names correctly; dates as {@code yyyy-mm-dd}; rejected records' problems in the
 * language of the {@link Words} given.
 */
public final class CsvDecisionOutput implements DecisionListener<byte[]>, AutoCloseable {
    private static final CsvMapper MAPPER = new CsvMapper();

    static {
        MAPPER.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    private final List<TitleDefinition> titles;
    private final List<DecisionTable.Column> columns;
    private final ObjectWriter rowWriter;
    private final OrderedSpill rows;
    private final Words words;
    /** Set before the first quota decision is prepared, on the thread that then hands the sessions out. */
    private volatile List<ProvisionalQuota> provisional = List.of();

    /** Problems in English. */
    public CsvDecisionOutput(List<TitleDefinition> titles) throws IOException {
        this(titles, Words.english());
    }

    public CsvDecisionOutput(List<TitleDefinition> titles, Words words) throws IOException {
        this.titles = List.copyOf(titles);
        this.words = words;
        this.columns = DecisionTable.columns(titles);
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.forEach(c -> schema.addColumn(c.header()));
        rowWriter = MAPPER.writer(schema.build().withoutHeader().withLineSeparator("\n"));
        rows = new OrderedSpill("csv");
    }

    private byte[] render(List<Object> cells) {
        try {
            return rowWriter.writeValueAsBytes(cells.stream().map(cell -> Objects.toString(cell, "")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public byte[] prepare(Decision decision) {
        return render(DecisionTable.row(decision, titles, provisional));
    }

    @Override
    public void decided(Decision decision, byte[] prepared) {
        rows.append(prepared);
    }

    @Override
    public void pending(int index, Nomination nomination) {
        rows.slot(index);
    }

    @Override
    public void rejected(RejectedRecord record) {
        rows.append(render(DecisionTable.row(record, titles, words)));
    }

    @Override
    public void provisional(List<ProvisionalQuota> districts) {
        provisional = List.copyOf(districts);
    }

    @Override
    public void resolved(Decision decision, byte[] prepared) {
        rows.fill(decision.index(), prepared);
    }

    /** The whole file; call once, after the evaluation has told every record. */
    public void writeTo(OutputStream out) throws IOException {
        out.write("\uFEFF".getBytes(StandardCharsets.UTF_8));
        out.write(render(columns.stream().<Object>map(DecisionTable.Column::header).toList()));
        rows.copyTo(out);
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
