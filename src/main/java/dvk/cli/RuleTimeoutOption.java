package dvk.cli;

import dvk.engine.Evaluator;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --rule-timeout}, shared by the commands that evaluate: the wall-clock bound on each rule session. */
public final class RuleTimeoutOption {
    @Option(names = "--rule-timeout", paramLabel = "TIME", converter = DurationConverter.class,
            description = "How long one rule session (a chunk of up to 256 records, or one district's quota) may run"
                    + " before the run stops with exit 4, naming the rule and nomination: 10s, 500ms, 2m. Default: 10s.")
    Duration timeout = Evaluator.DEFAULT_RULE_TIMEOUT;

    Duration timeout() {
        return timeout;
    }

    /** {@code 10s}, {@code 500ms}, {@code 2m}, or a number of seconds. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*(ms|s|m)?");

        @Override
        public Duration convert(String value) {
            Matcher m = FORM.matcher(value.strip().toLowerCase(Locale.ROOT));
            if (!m.matches()) throw new CommandLine.TypeConversionException("expected a time such as 10s, 500ms or 2m, got \"" + value + "\"");
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            Duration d = switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            };
            if (d.isZero()) throw new CommandLine.TypeConversionException("a rule timeout must be more than 0");
            return d;
        }
    }
}
