package dvk.app;

import dvk.domain.Decision;
import dvk.domain.Nomination;
import dvk.domain.ProvisionalQuota;
import dvk.domain.RejectedRecord;
import dvk.engine.DecisionListener;
import dvk.io.BatchStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts what passes to an output (records, decided, rejected, titles) and moves the progress bar. */
public final class Tally<R> implements DecisionListener<R> {
    private final DecisionListener<R> output;
    private final BatchStream input;
    private final EvaluationObserver.Progress progress;
    private final Map<String, Long> titles = new LinkedHashMap<>();
    private long told;
    private long decided;
    private long rejected;
    private long firstDecision;
    private List<ProvisionalQuota> provisional = List.of();

    Tally(DecisionListener<R> output, BatchStream input, EvaluationObserver.Progress progress, Iterable<String> titleCodes) {
        this.output = output;
        this.input = input;
        this.progress = progress;
        titleCodes.forEach(t -> titles.put(t, 0L));
    }

    @Override
    public R prepare(Decision decision) {
        return output.prepare(decision);
    }

    @Override
    public void decided(Decision decision, R prepared) {
        count(decision);
        output.decided(decision, prepared);
        read();
    }

    @Override
    public void pending(int index, Nomination nomination) {
        output.pending(index, nomination);
        read();
    }

    @Override
    public void rejected(RejectedRecord record) {
        rejected++;
        output.rejected(record);
        read();
    }

    @Override
    public void provisional(List<ProvisionalQuota> districts) {
        provisional = List.copyOf(districts);
        output.provisional(districts);
    }

    /** The district quotas a rejected record could change, once every record was read. */
    public List<ProvisionalQuota> provisional() {
        return provisional;
    }

    @Override
    public void resolved(Decision decision, R prepared) {
        count(decision);
        output.resolved(decision, prepared);
    }

    private void count(Decision decision) {
        if (decided == 0) firstDecision = System.currentTimeMillis();
        decided++;
        decision.awards().forEach(a -> titles.merge(a.title(), 1L, Long::sum));
    }

    private void read() {
        progress.update(++told, input.bytesRead());
    }

    /** When the first decision was told (epoch ms), 0 if none was. */
    public long firstDecision() {
        return firstDecision;
    }

    public long records() {
        return decided + rejected;
    }

    public long rejected() {
        return rejected;
    }

    public long decided() {
        return decided;
    }

    /** How many nominations hold each title some rule awards, in the order of the titles data. */
    public Map<String, Long> titles() {
        return java.util.Collections.unmodifiableMap(titles);
    }

    /** {@code 60 records, 60 decided, 0 rejected; DISTRICT_MODEL 27 …} */
    public String summary() {
        StringBuilder text = new StringBuilder().append(records()).append(" records, ").append(decided)
                .append(" decided, ").append(rejected).append(" rejected;");
        titles.forEach((title, count) -> text.append(' ').append(title).append(' ').append(count));
        return text.toString();
    }
}
