package dvk.report;

import dvk.domain.Decision;
import dvk.domain.Nomination;
import dvk.domain.ProvisionalQuota;
import dvk.domain.RejectedRecord;
import dvk.domain.Warning;
import dvk.engine.DecisionListener;
import dvk.engine.RuleSet;
import dvk.io.OrderedSpill;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data contract's JSON, written as decisions are made: each decision is rendered on the
 * evaluating thread, spilled to disk in input order, and the whole document (whose summary comes
 * first but is known last) is written by {@link #writeTo} after the last record. Messages a person
 * reads (rejected records' errors, warnings) are in the language of the {@link Words} given; field
 * names and codes are the contract's.
 */
public final class JsonDecisionOutput implements DecisionListener<byte[]>, AutoCloseable {
    private static final byte[] FIRST = "\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NEXT = ",\n".getBytes(StandardCharsets.UTF_8);

    private final int year;
    private final RuleSet rules;
    private final Words words;
    private final OrderedSpill decisions;
    private final OrderedSpill rejected;
    private final Map<String, Long> titles = new LinkedHashMap<>();
    /** Decisions and places of pending ones in the decisions array so far. */
    private long entries;
    private long decided;
    private long rejectedCount;
    private List<Warning> warnings = List.of();
    private List<ProvisionalQuota> provisional = List.of();

    /** Messages in English. */
    public JsonDecisionOutput(int year, RuleSet rules) throws IOException {
        this(year, rules, Words.english());
    }

    public JsonDecisionOutput(int year, RuleSet rules, Words words) throws IOException {
        this.year = year;
        this.rules = rules;
        this.words = words;
        rules.awardedTitles().forEach(t -> titles.put(t.code(), 0L));
        decisions = new OrderedSpill("decisions");
        try {
            rejected = new OrderedSpill("rejected");
        } catch (IOException e) {
            decisions.close();
            throw e;
        }
    }

    @Override
    public byte[] prepare(Decision decision) {
        return DecisionJsonWriter.fragment(rules, decision);
    }

    @Override
    public void decided(Decision decision, byte[] prepared) {
        count(decision);
        append(decisions, ++entries == 1, prepared);
    }

    @Override
    public void pending(int index, Nomination nomination) {
        append(decisions, ++entries == 1, new byte[0]);
        decisions.slot(index);
    }

    @Override
    public void rejected(RejectedRecord record) {
        rejectedCount++;
        append(rejected, rejectedCount == 1, DecisionJsonWriter.fragment(record, words));
    }

    @Override
    public void resolved(Decision decision, byte[] prepared) {
        count(decision);
        decisions.fill(decision.index(), prepared);
    }

    @Override
    public void provisional(List<ProvisionalQuota> districts) {
        provisional = List.copyOf(districts);
    }

    /** What reading the batch warned of: {@code summary.warnings}. */
    public void warnings(List<Warning> warnings) {
        this.warnings = List.copyOf(warnings);
    }

    private void count(Decision decision) {
        decided++;
        decision.awards().forEach(a -> titles.computeIfPresent(a.title(), (t, n) -> n + 1));
    }

    private static void append(OrderedSpill spill, boolean first, byte[] fragment) {
        spill.append(first ? FIRST : NEXT);
        spill.append(fragment);
    }

    /** The whole document; call once, after the evaluation has told every record. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(DecisionJsonWriter.header(year, rules, decided + rejectedCount, decided, rejectedCount, titles,
                warnings, provisional, words));
        out.write("\n  \"decisions\": [".getBytes(StandardCharsets.UTF_8));
        decisions.copyTo(out);
        out.write((decided > 0 ? "\n  ],\n  \"rejected\": [" : "],\n  \"rejected\": [").getBytes(StandardCharsets.UTF_8));
        rejected.copyTo(out);
        out.write((rejectedCount > 0 ? "\n  ]\n}\n" : "]\n}\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        try (OrderedSpill a = decisions; OrderedSpill b = rejected) {
            // closes both, whatever fails
        }
    }
}
