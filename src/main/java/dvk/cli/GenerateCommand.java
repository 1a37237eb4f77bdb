package dvk.cli;

import dvk.bench.BatchFormat;
import dvk.bench.BatchGenerator;
import dvk.bench.Districts;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Generates a realistic batch of Hà Nội nominations for benchmarks and tests: the same N, seed, year and"
                    + " --districts always give the same file. Values sit at and around every threshold of the reference criteria,"
                    + " a few districts send most nominations (the city-model quota is contested), and about 1 %% of"
                    + " records carry one defect that evaluation must reject.",
            "",
            "JSON (one nomination a line) unless --out names a .csv file."
        })
public final class GenerateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--n", required = true, paramLabel = "N", description = "Number of records (0 or more).")
    int n;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
            description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--year", paramLabel = "YEAR", defaultValue = "" + BatchGenerator.DEFAULT_YEAR,
            description = "The batch's evaluation year. Default: ${DEFAULT-VALUE}.")
    int year;

    /** Values of {@code --districts}, as {@link Districts} in lower case. */
    enum Spread { cities, city, one }

    @Option(names = "--districts", paramLabel = "SPREAD", defaultValue = "cities",
            description = "Where the records are: cities: Hà Nội's 30 districts, and beyond 12,000 records more cities"
                    + " shaped like it (\"Gia Lâm 2\" in \"Hà Nội 2\"), as a national roll-up, so no district grows past"
                    + " a real one; city: one Hà Nội however large, its districts as concentrated as always (Gia Lâm"
                    + " about 18 %%); one: every record in Gia Lâm, the largest city-model quota group a batch can hold."
                    + " Default: ${DEFAULT-VALUE}.")
    Spread districts;

    @CommandLine.Mixin
    OutputOption output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (output.refused(err)) return ExitCodes.USAGE;
        if (n < 0) {
            err.println("dvk: --n must be 0 or more, got " + n);
            return ExitCodes.USAGE;
        }
        if (year < BatchGenerator.MIN_YEAR || year > BatchGenerator.MAX_YEAR) {
            err.println("dvk: --year must be from " + BatchGenerator.MIN_YEAR + " to " + BatchGenerator.MAX_YEAR
                    + ", got " + year);
            return ExitCodes.USAGE;
        }
        BatchFormat format = output.toFile() ? BatchFormat.forFile(output.out).orElse(null) : BatchFormat.JSON;
        if (format == null) {
            err.println("dvk: --out " + output.out + ": expected a .json or .csv file");
            return ExitCodes.USAGE;
        }
        if (format == BatchFormat.CSV && n == 0) {
            // a CSV batch carries its year in its rows: a header alone is not a batch dvk can read
            err.println("dvk: a CSV batch needs at least one record (its year is in the rows); use a .json file for an"
                    + " empty batch");
            return ExitCodes.USAGE;
        }
        BatchGenerator generator = new BatchGenerator(year, seed, Districts.valueOf(districts.name().toUpperCase(Locale.ROOT)));
        BatchGenerator.Summary[] summary = new BatchGenerator.Summary[1];
        try {
            output.stream(spec, writer -> summary[0] = generator.write(n, format, writer));
        } catch (IOException e) {
            err.println("dvk: " + output.cannotWrite(e));
            return ExitCodes.USAGE;
        }
        if (output.toFile()) {
            err.println("dvk: " + summary[0].records() + " records (" + summary[0].invalid() + " invalid) → "
                    + output.target());
        }
        return ExitCodes.OK;
    }
}
