package org.saferpartnerships.reporting.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The geometry of a report's charts, worked out here and drawn by the page template as inline SVG:
 * no chart library (those that emit SVG in Java are GPL or LGPL) and nothing fetched by the page.
 * Suppressed figures are left out of a chart, never drawn as zero.
 */
public final class ReportCharts {

    /** Fits the width of an A4 page's text at 96 dpi, so the PDF draws the chart whole. */
    static final int WIDTH = 660;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;
    static final String ALL_CRIME_COLOUR = "#1d4f91";
    static final String ASB_COLOUR = "#c0392b";

    /** A line chart: each series a polyline through its points, each point a marker. */
    public record LineChart(String id, String title, String description, int width, int height,
            List<Tick> yTicks, List<Tick> xTicks, List<Series> series, int xLabelY, int legendY) {

        /** The legend's text line, level with its swatches. */
        public int legendTextY() {
            return legendY + 4;
        }

        /** Where the gridlines end on the right. */
        public int plotRight() {
            return width - RIGHT;
        }
    }

    /**
     * {@code css} names the series for the page's scripts and tests; {@code colour} is drawn as an
     * attribute, since the PDF renderer's SVG drawer does not apply the page's style sheet.
     */
    public record Series(String name, String css, String colour, String points, List<Point> markers) {
    }

    public record Point(String x, String y, String label) {
    }

    /** An axis label at {@code position} (x for the x axis, y for the y axis). */
    public record Tick(String position, String label) {
    }

    /** A horizontal bar chart, one bar per figure shown. */
    public record BarChart(String id, String title, String description, int width, int height, List<Bar> bars) {
    }

    public record Bar(String label, String y, String width, String value, String labelY) {
    }

    /**
     * The risk matrix: a row per likelihood, most likely on top, a column per impact; each cell
     * coloured by the rating of its score and carrying how many open risks fall in it.
     */
    public record RiskGrid(String id, String title, String description, int width, int height, List<Tick> rows,
            List<Tick> columns, List<GridCell> cells, int cellWidth, int cellHeight, String axisY) {
    }

    /** {@code countX}, {@code countY}: where the cell's figure is written, in its middle. */
    public record GridCell(int likelihood, int impact, String x, String y, String colour, String rating, int score,
            int risks, String references, String countX, String countY) {
    }

    private ReportCharts() {
    }

    /** The 24-month trend of all crime and anti-social behaviour. */
    static LineChart trend(ScrutinyReport.Trend trend) {
        int height = 260;
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = height - TOP - BOTTOM;
        long top = niceCeiling(max(trend.allCrime(), trend.antiSocialBehaviour()));
        int n = trend.months().size();
        double step = n > 1 ? plotWidth / (n - 1) : 0;
        List<Series> series = List.of(
                series("All crime", "all-crime", ALL_CRIME_COLOUR, trend.months(), trend.allCrime(), step, plotHeight,
                        top),
                series("Anti-social behaviour", "asb", ASB_COLOUR, trend.months(), trend.antiSocialBehaviour(), step,
                        plotHeight, top));
        List<Tick> yTicks = new ArrayList<>();
        for (int i = 0; i <= 5; i++) {
            long value = top * i / 5;
            yTicks.add(new Tick(number(TOP + plotHeight * (1 - (double) value / top)), Long.toString(value)));
        }
        List<Tick> xTicks = new ArrayList<>();
        for (int i = 0; i < n; i += 3) {
            xTicks.add(new Tick(number(LEFT + step * i), trend.months().get(i)));
        }
        return new LineChart("trend", "Incidents per month, " + trend.months().get(0) + " to "
                + trend.months().get(n - 1), "Monthly counts of all crime and of anti-social behaviour over 24 months; "
                        + "months whose figure is suppressed are left out.", WIDTH, height, yTicks, xTicks, series,
                height - 22, height - 14);
    }

    /** The period's incidents by category, most first. */
    static BarChart categories(List<ScrutinyReport.CategoryCount> categories, String period) {
        List<ScrutinyReport.CategoryCount> shown = categories.stream().filter(c -> c.count() != null).toList();
        int rowHeight = 24;
        int labels = 220;
        double plotWidth = WIDTH - labels - 60;
        long top = Math.max(1, shown.stream().mapToLong(ScrutinyReport.CategoryCount::count).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            ScrutinyReport.CategoryCount category = shown.get(i);
            bars.add(new Bar(category.label(), number(TOP + i * rowHeight),
                    number(Math.max(1, plotWidth * category.count() / top)), Long.toString(category.count()),
                    number(TOP + i * rowHeight + 16)));
        }
        return new BarChart("categories", "Incidents by category, " + period, "One bar per category with a figure "
                + "to show; suppressed categories are listed in the table instead.", WIDTH,
                TOP + Math.max(1, shown.size()) * rowHeight + 8, bars);
    }

    /** Low green, medium amber, high red: pale enough that black text on them keeps its contrast. */
    static final Map<String, String> RATING_COLOURS = Map.of("low", "#b9dfb5", "medium", "#ffe08a",
            "high", "#f4a6a0");
    private static final int GRID_LABELS = 130;
    private static final int CELL_WIDTH = 118;
    private static final int CELL_HEIGHT = 40;

    static RiskGrid riskMatrix(List<List<ScrutinyReport.RiskCell>> matrix) {
        List<GridCell> cells = new ArrayList<>();
        List<Tick> rows = new ArrayList<>();
        List<Tick> columns = new ArrayList<>();
        for (int r = 0; r < matrix.size(); r++) {
            List<ScrutinyReport.RiskCell> row = matrix.get(r);
            int y = TOP + r * CELL_HEIGHT;
            rows.add(new Tick(number(y + CELL_HEIGHT / 2.0 + 3), row.get(0).likelihood() + " "
                    + row.get(0).likelihoodLabel()));
            for (int c = 0; c < row.size(); c++) {
                ScrutinyReport.RiskCell cell = row.get(c);
                int x = GRID_LABELS + c * CELL_WIDTH;
                cells.add(new GridCell(cell.likelihood(), cell.impact(), number(x), number(y),
                        RATING_COLOURS.getOrDefault(cell.rating(), "#ffffff"), cell.rating(), cell.score(),
                        cell.references().size(), String.join(", ", cell.references()),
                        number(x + CELL_WIDTH / 2.0), number(y + CELL_HEIGHT / 2.0 + 5)));
                if (r == 0) {
                    columns.add(new Tick(number(x + CELL_WIDTH / 2.0), cell.impact() + " " + cell.impactLabel()));
                }
            }
        }
        int gridBottom = TOP + matrix.size() * CELL_HEIGHT;
        return new RiskGrid("risk-matrix", "Open risks by likelihood and impact", "A cell per likelihood (rows, most "
                + "likely at the top) and impact (columns, least at the left), coloured by the rating of its score, "
                + "with the number of open risks in it.", WIDTH, gridBottom + 40, rows, columns, cells, CELL_WIDTH,
                CELL_HEIGHT, number(gridBottom + 16));
    }

    private static Series series(String name, String css, String colour, List<String> months, List<Long> values,
            double step, double plotHeight, long top) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Long value = values.get(i);
            if (value != null) {
                points.add(new Point(number(LEFT + step * i), number(TOP + plotHeight * (1 - (double) value / top)),
                        months.get(i) + ": " + value));
            }
        }
        return new Series(name, css, colour, String.join(" ", points.stream().map(p -> p.x() + "," + p.y()).toList()),
                points);
    }

    private static long max(List<Long> first, List<Long> second) {
        long max = 0;
        for (List<Long> values : List.of(first, second)) {
            for (Long value : values) {
                if (value != null) {
                    max = Math.max(max, value);
                }
            }
        }
        return max;
    }

    /**
     * The smallest of 1, 2 or 5 times a power of ten that is at least {@code value}, and at least 5:
     * a fifth of it is a whole number, so the five gridlines are too.
     */
    static long niceCeiling(long value) {
        long power = 1;
        while (true) {
            for (long factor : new long[] { 1, 2, 5 }) {
                if (factor * power >= Math.max(5, value)) {
                    return factor * power;
                }
            }
            power *= 10;
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
