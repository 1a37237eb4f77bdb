package dvk.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bar chart of the decisions report, laid out: horizontal stacked bars, one a district, a
 * segment a title, on an axis of round ticks. Fits 1 district or 30 alike. Coordinates are SVG user
 * units, written with at most one decimal ({@code 170}, {@code 286.7}) so that pages are byte-identical.
 */
public record ChartView(int width, int height, List<Tick> ticks, int axisX, int axisY, List<Bar> bars) {
    private static final int LEFT = 170;
    private static final int PLOT = 700;
    private static final int RIGHT = 50;
    private static final int TOP = 10;
    private static final int ROW_HEIGHT = 34;
    private static final int BAR_HEIGHT = 22;
    private static final int AXIS = 46;
    /** A segment narrower than this has no number on it. */
    private static final int LABELLED_WIDTH = 22;

    /** A grid line and its number under the plot; the line at 0 is the axis. */
    public record Tick(long value, String label, String x, int top, int bottom, String stroke, int labelY) {}

    /** A district's bar: its name on the left, its segments, its total on the right. */
    public record Bar(String district, int nameX, int y, int textY, List<Segment> segments, String totalX, long total,
                      String totalShown) {}

    /** One title's part of a bar; {@code labelX} is null when the segment is too narrow for its number. */
    public record Segment(String title, long count, String x, String width, int height, String fill, String tooltip,
                          String labelX, int labelY, String ink) {}

    static ChartView of(SummaryView summary, Words words) {
        List<SummaryView.Row> rows = summary.rows();
        int plotBottom = TOP + Math.max(1, rows.size()) * ROW_HEIGHT;
        long max = Math.max(1, rows.stream().mapToLong(SummaryView.Row::total).max().orElse(0));
        long step = niceStep(max);
        long axisMax = ((max + step - 1) / step) * step;
        double unit = (double) PLOT / axisMax;

        List<Tick> ticks = new ArrayList<>();
        for (long v = 0; v <= axisMax; v += step) {
            ticks.add(new Tick(v, words.number(v), num(LEFT + v * unit), TOP, plotBottom, v == 0 ? "#5a6472" : "#e1e5eb", plotBottom + 16));
        }
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            SummaryView.Row row = rows.get(i);
            int y = TOP + i * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2;
            List<Segment> segments = new ArrayList<>();
            long offset = 0;
            for (int t = 0; t < summary.titles().size(); t++) {
                TitleView title = summary.titles().get(t);
                long count = row.counts().get(t).count();
                if (count == 0) continue;
                double x = LEFT + offset * unit;
                double w = count * unit;
                segments.add(new Segment(title.code(), count, num(x), num(w), BAR_HEIGHT, title.colour(),
                        row.district() + " — " + title.name() + ": " + words.number(count),
                        w >= LABELLED_WIDTH ? num(x + w / 2) : null, y + BAR_HEIGHT / 2 + 4, labelInk(title.colour())));
                offset += count;
            }
            bars.add(new Bar(row.district(), LEFT - 10, y, y + BAR_HEIGHT / 2 + 5, segments,
                    num(LEFT + offset * unit + 6), row.total(), words.number(row.total())));
        }
        return new ChartView(LEFT + PLOT + RIGHT, plotBottom + AXIS, ticks, LEFT + PLOT / 2, plotBottom + 38, bars);
    }

    /** The bar of a district. */
    public Bar bar(String district) {
        return bars.stream().filter(b -> b.district().equals(district)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no bar for " + district));
    }

    /** A tick step of 1, 2 or 5 times a power of ten giving at most about six ticks. */
    static long niceStep(long max) {
        long step = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (max / (step * m) <= 6) return step * m;
            }
            step *= 10;
        }
    }

    /** Dark or white text, whichever reads better on the colour (WCAG relative luminance). */
    static String labelInk(String hex) {
        double r = channel(Integer.parseInt(hex.substring(1, 3), 16));
        double g = channel(Integer.parseInt(hex.substring(3, 5), 16));
        double b = channel(Integer.parseInt(hex.substring(5, 7), 16));
        double luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        return (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) ? "#1f2630" : "#ffffff";
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static String num(double value) {
        String s = String.format(Locale.ROOT, "%.1f", value);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
