package rnn.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import rnn.display.KernelDisplay;
import rnn.display.RichDisplay;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.components.TickSettings;
import tech.tablesaw.plotly.traces.ScatterTrace;

/**
 * A line chart of one or more numeric columns of a Tablesaw table against another, e.g. cost per epoch; further
 * series, each against its own x column and drawn in its own {@link Style}, join with {@link #with}, e.g. a whole
 * time series as a line and one window of it as markers.
 *
 * <p>Renderings of the same data on the same axes: {@link #plotly()} (the interactive figure JupyterLab's plotly
 * renderer and VS Code draw), {@link #svg()} (a standalone SVG picture drawn here), {@link #html()} (that picture for
 * HTML front ends) and {@link #figure()} (a tablesaw-jsplot figure). Inside IJava or JJava a chart displays itself as
 * rich output: the interactive figure where the front end can draw it, else the picture.
 */
public final class LineChart implements RichDisplay {

    static {
        KernelDisplay.install();
    }

    /** Size of the picture and of the plotly figure, in CSS pixels. */
    public static final int WIDTH = 640;
    public static final int HEIGHT = 400;

    /** How a series is drawn. */
    public enum Style {
        /** A line through the points, a dot on each (the default: few points, e.g. one per epoch). */
        LINES_AND_MARKERS,
        /** A line only (many points, e.g. a whole time series). */
        LINE,
        /** A line twice as wide, to pick out a piece of a series. */
        THICK_LINE,
        /** Larger dots, no line (the values of one window, a prediction). */
        MARKERS,
        /** Dots larger still, no line: a series that others are drawn over (the chapter's big blue instance dots). */
        BIG_MARKERS
    }

    /** plotly.js's default colour cycle, so the SVG and the interactive plot look alike. */
    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    private static final int LEFT = 72;
    private static final int TOP = 44;
    private static final int BOTTOM = 52;
    private static final int RIGHT_PLAIN = 24;
    private static final int RIGHT_LEGEND = 150;

    /** One series: y against its own x, drawn in a style. */
    private record Series(String name, double[] x, double[] y, Style style) {
    }

    private final String title;
    private final String xColumn;
    private final List<Series> series;
    /** The y axis's title; null for the default, the series' name when there is one series and none otherwise. */
    private final String yTitle;

    private LineChart(String title, String xColumn, List<Series> series) {
        this(title, xColumn, series, null);
    }

    private LineChart(String title, String xColumn, List<Series> series, String yTitle) {
        this.title = title;
        this.xColumn = xColumn;
        this.series = List.copyOf(series);
        this.yTitle = yTitle;
    }

    /**
     * A chart of {@code yColumns} against {@code xColumn}, all numeric columns of {@code table}. The data is copied:
     * later changes to the table don't change the chart. Missing values leave a gap in the line.
     */
    public static LineChart of(String title, Table table, String xColumn, String... yColumns) {
        checkTable(table);
        if (yColumns == null || yColumns.length == 0) {
            throw new IllegalArgumentException("LineChart.of: expected at least one y column of table '"
                    + table.name() + "' " + table.columnNames() + ", got none");
        }
        double[] x = numbers(table, xColumn);
        List<Series> series = new ArrayList<>();
        for (String y : yColumns) {
            series.add(new Series(y, x, numbers(table, y), Style.LINES_AND_MARKERS));
        }
        return new LineChart(title == null ? "" : title, xColumn, series);
    }

    /**
     * This chart with one more series: column {@code yColumn} of {@code table} against its column {@code xColumn},
     * drawn in {@code style}; the series is named after its y column, which must not name a series already here.
     */
    public LineChart with(Table table, String xColumn, String yColumn, Style style) {
        checkTable(table);
        if (style == null) throw new IllegalArgumentException("LineChart.with: expected a style, got null");
        if (yColumns().contains(yColumn)) {
            throw new IllegalArgumentException("LineChart.with: the chart already has a series '" + yColumn
                    + "'; its series are " + yColumns());
        }
        List<Series> more = new ArrayList<>(series);
        more.add(new Series(yColumn, numbers(table, xColumn), numbers(table, yColumn), style));
        return new LineChart(title, this.xColumn, more, yTitle);
    }

    /** This chart with the series {@code yColumn} drawn in {@code style}. */
    public LineChart style(String yColumn, Style style) {
        if (style == null) throw new IllegalArgumentException("LineChart.style: expected a style, got null");
        int k = indexOf(yColumn);
        List<Series> restyled = new ArrayList<>(series);
        Series s = series.get(k);
        restyled.set(k, new Series(s.name(), s.x(), s.y(), style));
        return new LineChart(title, xColumn, restyled, yTitle);
    }

    /** This chart with {@code yTitle} as its y axis's title, e.g. what the series have in common. */
    public LineChart yTitle(String yTitle) {
        if (yTitle == null) throw new IllegalArgumentException("LineChart.yTitle: expected a title, got null");
        return new LineChart(title, xColumn, series, yTitle);
    }

    private static void checkTable(Table table) {
        if (table == null) {
            throw new IllegalArgumentException("LineChart.of: expected a table, got null");
        }
    }

    private static double[] numbers(Table table, String name) {
        if (name == null || !table.containsColumn(name)) {
            throw new IllegalArgumentException("LineChart.of: table '" + table.name() + "' has no column '" + name
                    + "'; its columns are " + table.columnNames());
        }
        Column<?> column = table.column(name);
        if (!(column instanceof NumericColumn<?> numeric)) {
            throw new IllegalArgumentException("LineChart.of: expected column '" + name + "' to be numeric, got "
                    + column.type().name());
        }
        double[] values = new double[numeric.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = numeric.isMissing(i) ? Double.NaN : numeric.getDouble(i);
        }
        return values;
    }

    public String title() {
        return title;
    }

    public String xColumn() {
        return xColumn;
    }

    public List<String> yColumns() {
        return series.stream().map(Series::name).toList();
    }

    /** The x values of the first series (a copy); those of the table's x column for a chart made by {@link #of}. */
    public double[] x() {
        return series.get(0).x().clone();
    }

    /** The x values of series {@code name} (a copy). */
    public double[] x(String name) {
        return series.get(indexOf(name)).x().clone();
    }

    /** The values of y column {@code name} (a copy). */
    public double[] y(String name) {
        return series.get(indexOf(name)).y().clone();
    }

    /** How series {@code name} is drawn. */
    public Style style(String name) {
        return series.get(indexOf(name)).style();
    }

    private int indexOf(String name) {
        int k = yColumns().indexOf(name);
        if (k < 0) {
            throw new IllegalArgumentException("expected one of the chart's y columns " + yColumns() + ", got '" + name + "'");
        }
        return k;
    }

    /**
     * The tablesaw-jsplot figure: one trace per series in its style, axis titles, the picture's axis ranges and
     * ticks, a legend when more than one.
     */
    public Figure figure() {
        boolean legend = series.size() > 1;
        ScatterTrace[] traces = new ScatterTrace[series.size()];
        for (int k = 0; k < traces.length; k++) {
            Series s = series.get(k);
            String colour = COLOURS[k % COLOURS.length];
            ScatterTrace.ScatterBuilder trace = ScatterTrace.builder(s.x(), s.y()).name(s.name()).showLegend(legend);
            switch (s.style()) {
                case LINES_AND_MARKERS -> trace.mode(ScatterTrace.Mode.LINE_AND_MARKERS);
                case LINE -> trace.mode(ScatterTrace.Mode.LINE).line(Line.builder().color(colour).width(2).build());
                case THICK_LINE -> trace.mode(ScatterTrace.Mode.LINE).line(Line.builder().color(colour).width(4).build());
                case MARKERS -> trace.mode(ScatterTrace.Mode.MARKERS).marker(Marker.builder().color(colour).size(8).build());
                case BIG_MARKERS -> trace.mode(ScatterTrace.Mode.MARKERS).marker(Marker.builder().color(colour).size(14).build());
            }
            traces[k] = trace.build();
        }
        Layout layout = Layout.builder()
                .title(title)
                .width(WIDTH)
                .height(HEIGHT)
                .showLegend(legend)
                .xAxis(tablesawAxis(xColumn, xScale()))
                .yAxis(tablesawAxis(yAxisTitle(), yScale()))
                .build();
        return new Figure(layout, traces);
    }

    private static Axis tablesawAxis(String title, NiceScale scale) {
        String[] labels = scale.labels();
        double[] values = Arrays.stream(labels).mapToDouble(Double::parseDouble).toArray();
        return Axis.builder().title(title).range(values[0], values[values.length - 1])
                .tickSettings(TickSettings.builder().tickMode(TickSettings.TickMode.ARRAY).arrayTicks(values, labels)
                        .build()).build();
    }

    /**
     * The interactive chart as plotly's figure JSON ({@code application/vnd.plotly.v1+json}): the same size, margins,
     * axis ranges, tick values, colours and markers as {@link #svg()}. Plain maps and lists, a new copy each call.
     */
    @Override
    public Map<String, Object> plotly() {
        boolean legend = series.size() > 1;
        List<Map<String, Object>> traces = new ArrayList<>();
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            traces.add(PlotlyFigure.trace(s.name(), s.x(), s.y(), COLOURS[k % COLOURS.length],
                    lineWidth(s.style()), 2 * markerRadius(s.style()), legend));
        }
        PlotlyFigure.Margins margins = new PlotlyFigure.Margins(LEFT, legend ? RIGHT_LEGEND : RIGHT_PLAIN, TOP, BOTTOM);
        return PlotlyFigure.of(traces, PlotlyFigure.layout(title, WIDTH, HEIGHT, margins, legend,
                PlotlyFigure.axis(xColumn, xScale()), PlotlyFigure.axis(yAxisTitle(), yScale())));
    }

    /** The x axis over every series' x values, in whole steps when all of them are whole numbers. */
    private NiceScale xScale() {
        double[][] xValues = series.stream().map(Series::x).toArray(double[][]::new);
        return scale(xValues, Arrays.stream(xValues).allMatch(LineChart::allIntegers));
    }

    /** The y axis over every series' y values. */
    private NiceScale yScale() {
        return scale(series.stream().map(Series::y).toArray(double[][]::new), false);
    }

    /** The y axis's title: the one given to {@link #yTitle}, else the name of a lone series, else none. */
    public String yAxisTitle() {
        if (yTitle != null) return yTitle;
        return series.size() == 1 ? series.get(0).name() : "";
    }

    /** A standalone SVG document of the chart: axes with ticks, one polyline with markers per series, legend, title. */
    public String svg() {
        boolean legend = series.size() > 1;
        int right = WIDTH - (legend ? RIGHT_LEGEND : RIGHT_PLAIN);
        int bottom = HEIGHT - BOTTOM;
        NiceScale xs = xScale();
        NiceScale yScale = yScale();

        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n");
        svg.append("<title>").append(Svg.escape(title)).append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append("<text class=\"title\" x=\"").append(WIDTH / 2).append("\" y=\"26\" text-anchor=\"middle\" font-size=\"16\">")
                .append(Svg.escape(title)).append("</text>\n");

        // grid lines and tick labels
        svg.append("<g class=\"x-ticks\" stroke=\"").append(PlotlyFigure.GRID).append("\">\n");
        for (double tick : xs.ticks()) {
            String px = Svg.coordinate(xs.map(tick, LEFT, right));
            svg.append("<line x1=\"").append(px).append("\" y1=\"").append(TOP).append("\" x2=\"").append(px)
                    .append("\" y2=\"").append(bottom).append("\"/>")
                    .append("<text stroke=\"none\" fill=\"#444\" x=\"").append(px).append("\" y=\"").append(bottom + 18)
                    .append("\" text-anchor=\"middle\">").append(Svg.label(tick, xs.decimals())).append("</text>\n");
        }
        svg.append("</g>\n<g class=\"y-ticks\" stroke=\"").append(PlotlyFigure.GRID).append("\">\n");
        for (double tick : yScale.ticks()) {
            String py = Svg.coordinate(yScale.map(tick, bottom, TOP));
            svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(py).append("\" x2=\"").append(right)
                    .append("\" y2=\"").append(py).append("\"/>")
                    .append("<text stroke=\"none\" fill=\"#444\" x=\"").append(LEFT - 8).append("\" y=\"").append(py)
                    .append("\" dy=\"4\" text-anchor=\"end\">").append(Svg.label(tick, yScale.decimals()))
                    .append("</text>\n");
        }
        svg.append("</g>\n");

        // axes and their titles
        svg.append("<path class=\"axes\" d=\"M").append(LEFT).append(' ').append(TOP).append("V").append(bottom)
                .append("H").append(right).append("\" fill=\"none\" stroke=\"#444\"/>\n");
        svg.append("<text class=\"x-title\" x=\"").append((LEFT + right) / 2).append("\" y=\"").append(HEIGHT - 12)
                .append("\" text-anchor=\"middle\" font-size=\"13\">").append(Svg.escape(xColumn)).append("</text>\n");
        int yMid = (TOP + bottom) / 2;
        svg.append("<text class=\"y-title\" x=\"18\" y=\"").append(yMid).append("\" transform=\"rotate(-90 18 ")
                .append(yMid).append(")\" text-anchor=\"middle\" font-size=\"13\">").append(Svg.escape(yAxisTitle()))
                .append("</text>\n");

        for (int k = 0; k < series.size(); k++) {
            appendSeries(svg, k, xs, yScale, right, bottom);
        }
        if (legend) {
            appendLegend(svg, right + 16);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private void appendSeries(StringBuilder svg, int k, NiceScale xs, NiceScale yScale, int right, int bottom) {
        Series s = series.get(k);
        String colour = COLOURS[k % COLOURS.length];
        svg.append("<g class=\"series\" data-name=\"").append(Svg.escape(s.name())).append("\" stroke=\"")
                .append(colour).append("\" fill=\"").append(colour).append("\">\n");
        int lineWidth = lineWidth(s.style());
        int radius = markerRadius(s.style());
        List<String> run = new ArrayList<>();
        StringBuilder markers = new StringBuilder();
        for (int i = 0; i < Math.min(s.x().length, s.y().length); i++) {
            double xi = s.x()[i];
            double yi = s.y()[i];
            if (Double.isNaN(xi) || Double.isNaN(yi)) {
                appendPolyline(svg, run, lineWidth); // a missing value breaks the line
                run.clear();
                continue;
            }
            String px = Svg.coordinate(xs.map(xi, LEFT, right));
            String py = Svg.coordinate(yScale.map(yi, bottom, TOP));
            run.add(px + "," + py);
            if (radius > 0) {
                markers.append("<circle cx=\"").append(px).append("\" cy=\"").append(py).append("\" r=\"")
                        .append(radius).append("\"/>\n");
            }
        }
        appendPolyline(svg, run, lineWidth);
        svg.append(markers).append("</g>\n");
    }

    /** The width of a series' line in pixels, 0 for none. */
    private static int lineWidth(Style style) {
        return switch (style) {
            case MARKERS, BIG_MARKERS -> 0;
            case THICK_LINE -> 4;
            default -> 2;
        };
    }

    /** The radius of a series' dots in pixels, 0 for none. */
    private static int markerRadius(Style style) {
        return switch (style) {
            case LINES_AND_MARKERS -> 3;
            case MARKERS -> 4;
            case BIG_MARKERS -> 7;
            default -> 0;
        };
    }

    private static void appendPolyline(StringBuilder svg, List<String> points, int width) {
        if (width > 0 && points.size() > 1) {
            svg.append("<polyline fill=\"none\" stroke-width=\"").append(width).append("\" points=\"")
                    .append(String.join(" ", points))
                    .append("\"/>\n");
        }
    }

    private void appendLegend(StringBuilder svg, int left) {
        svg.append("<g class=\"legend\">\n");
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            int y = TOP + 10 + 20 * k;
            String colour = COLOURS[k % COLOURS.length];
            int radius = markerRadius(s.style());
            if (lineWidth(s.style()) > 0) {
                svg.append("<line x1=\"").append(left).append("\" y1=\"").append(y).append("\" x2=\"").append(left + 24)
                        .append("\" y2=\"").append(y).append("\" stroke=\"").append(colour).append("\" stroke-width=\"")
                        .append(lineWidth(s.style())).append("\"/>");
            }
            if (radius > 0) {
                svg.append("<circle cx=\"").append(left + 12).append("\" cy=\"").append(y).append("\" r=\"")
                        .append(radius).append("\" fill=\"").append(colour).append("\"/>");
            }
            svg.append("<text x=\"").append(left + 30).append("\" y=\"").append(y).append("\" dy=\"4\">")
                    .append(Svg.escape(s.name())).append("</text>\n");
        }
        svg.append("</g>\n");
    }

    private static NiceScale scale(double[][] series, boolean integerSteps) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] values : series) {
            for (double v : values) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) { // no finite value at all
            lo = 0;
            hi = 1;
        }
        return NiceScale.of(lo, hi, 6, integerSteps);
    }

    private static boolean allIntegers(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).allMatch(v -> v == Math.rint(v));
    }

    /** The SVG as a picture, for HTML front ends: it survives JupyterLab's sanitiser in untrusted notebooks. */
    public String html() {
        return Svg.imgDiv("rnn-line-chart", title, svg(), WIDTH, HEIGHT);
    }

    /** Writes the chart to {@code svgOrHtml}: an SVG document, or a standalone HTML page showing the picture. */
    public void save(Path svgOrHtml) {
        String name = svgOrHtml.getFileName() == null ? "" : svgOrHtml.getFileName().toString().toLowerCase(Locale.ROOT);
        String content;
        if (name.endsWith(".svg")) {
            content = svg();
        } else if (name.endsWith(".html") || name.endsWith(".htm")) {
            content = "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>" + Svg.escape(title)
                    + "</title>\n</head>\n<body>\n" + html() + "\n</body>\n</html>\n";
        } else {
            throw new IllegalArgumentException("LineChart.save: expected a path ending in .svg or .html, got " + svgOrHtml);
        }
        try {
            Files.writeString(svgOrHtml, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("LineChart.save: cannot write " + svgOrHtml, e);
        }
    }

    /** A one-line summary for plain-text front ends: title, series and their ranges. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("LineChart \"").append(title).append("\": ");
        for (int k = 0; k < series.size(); k++) {
            double[] range = range(series.get(k).y());
            text.append(k == 0 ? "" : ", ").append(series.get(k).name())
                    .append(String.format(Locale.ROOT, " %.4g..%.4g", range[0], range[1]));
        }
        double[] xr = range(series.get(0).x());
        return text.append(" over ").append(xColumn).append(String.format(Locale.ROOT, " %.4g..%.4g", xr[0], xr[1]))
                .append(" (").append(series.get(0).x().length).append(" points)").toString();
    }

    private static double[] range(double[] values) {
        double lo = Arrays.stream(values).filter(Double::isFinite).min().orElse(Double.NaN);
        double hi = Arrays.stream(values).filter(Double::isFinite).max().orElse(Double.NaN);
        return new double[] {lo, hi};
    }
}
