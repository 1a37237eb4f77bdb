package dvk.bench;

import java.io.IOException;
import java.io.Writer;
import java.util.SplittableRandom;

/**
 * Generates a realistic batch of Hà Nội nominations for benchmarks and end-to-end tests: models
 * and works from the 30 districts (a few districts send most of them, so the CITY_MODEL quota is
 * contested), values clustered at every threshold of the reference criteria, and about 1 % of
 * records with one defect each that the validator must reject.
 *
 * <p>The output depends on nothing but (n, seed, year, {@link Districts}) and the format: each record draws from a
 * random generator split off a seeded one in record order, and no hash order, clock or locale is
 * involved. Records are written as they are drawn, so a million records need no more memory
 * than one (and a bit a record for the duplicate ids). A record does not depend on the format: a
 * CSV and a JSON batch of the same seed hold the same records and spoil the same ones in the same
 * way, told in each format's terms (see {@link Defects}).
 */
public final class BatchGenerator {
    public static final int DEFAULT_YEAR = 2024;
    /** Batch years for which every generated date (ten years back, next year for a defect) is a plain yyyy-mm-dd. */
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 9998;
    /** About one record in a hundred is invalid. */
    private static final int INVALID_ONE_IN = 100;

    /** What was written: records in all, and how many of them carry a defect. */
    public record Summary(int records, int invalid) {}

    private final int year;
    private final long seed;
    private final Districts districts;

    public BatchGenerator(int year, long seed, Districts districts) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException("year must be from " + MIN_YEAR + " to " + MAX_YEAR + ", got " + year);
        }
        this.year = year;
        this.seed = seed;
        this.districts = districts;
    }

    /** Hà Nội-shaped cities of 12,000 records each ({@link Districts#CITIES}). */
    public BatchGenerator(int year, long seed) {
        this(year, seed, Districts.CITIES);
    }

    /** Writes {@code n} records to {@code out} (flushed, not closed). */
    public Summary write(int n, BatchFormat format, Writer out) throws IOException {
        if (n < 0) throw new IllegalArgumentException("the number of records must not be negative, got " + n);
        BatchSink sink = format == BatchFormat.CSV ? new CsvBatchSink(out) : new JsonBatchSink(out);
        NominationDraws draws = new NominationDraws(year, districts);
        Defects defects = new Defects(year, format, this::id);
        SplittableRandom records = new SplittableRandom(seed);
        int invalid = 0;
        sink.begin(year);
        for (int i = 0; i < n; i++) {
            SplittableRandom random = records.split();
            boolean spoilt = random.nextInt(INVALID_ONE_IN) == 0;       // drawn first, before the record
            Draft draft = draws.draw(random, id(i), i);
            if (spoilt) {
                defects.spoil(draft, i, random);                        // drawn last, after the record
                invalid++;
            }
            sink.record(draft);
        }
        sink.end();
        return new Summary(n, invalid);
    }

    /** "HN-2024-000123": the record's position from 1, six digits at least. */
    String id(int index) {
        String number = Integer.toString(index + 1);
        return "HN-" + year + "-" + "000000".substring(Math.min(6, number.length())) + number;
    }
}
