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
import tech.tablesaw.plotly.components.TickSettings;
import tech.tablesaw.plotly.traces.ScatterTrace;

/**
 * A line chart of one or more numeric columns of a Tablesaw table against another, e.g. cost per epoch.
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

    /** plotly.js's default colour cycle, so the SVG and the interactive plot look alike. */
    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    private static final int LEFT = 72;
    private static final int TOP = 44;
    private static final int BOTTOM = 52;
    private static final int RIGHT_PLAIN = 24;
    private static final int RIGHT_LEGEND = 150;

    private final String title;
    private final String xColumn;
    private final List<String> yColumns;
    private final double[] x;
    private final double[][] ys;

    private LineChart(String title, String xColumn, List<String> yColumns, double[] x, double[][] ys) {
        this.title = title;
        this.xColumn = xColumn;
        this.yColumns = yColumns;
        this.x = x;
        this.ys = ys;
    }

    /**
     * A chart of {@code yColumns} against {@code xColumn}, all numeric columns of {@code table}. The data is copied:
     * later changes to the table don't change the chart. Missing values leave a gap in the line.
     */
    public static LineChart of(String title, Table table, String xColumn, String... yColumns) {
        if (table == null) {
            throw new IllegalArgumentException("LineChart.of: expected a table, got null");
        }
        if (yColumns == null || yColumns.length == 0) {
            throw new IllegalArgumentException("LineChart.of: expected at least one y column of table '"
                    + table.name() + "' " + table.columnNames() + ", got none");
        }
        double[] x = numbers(table, xColumn);
        double[][] ys = new double[yColumns.length][];
        for (int k = 0; k < yColumns.length; k++) {
            ys[k] = numbers(table, yColumns[k]);
        }
        return new LineChart(title == null ? "" : title, xColumn, List.of(yColumns), x, ys);
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
        return yColumns;
    }

    /** The x values (a copy). */
    public double[] x() {
        return x.clone();
    }

    /** The values of y column {@code name} (a copy). */
    public double[] y(String name) {
        int k = yColumns.indexOf(name);
        if (k < 0) {
            throw new IllegalArgumentException("expected one of the chart's y columns " + yColumns + ", got '" + name + "'");
        }
        return ys[k].clone();
    }

    /**
     * The tablesaw-jsplot figure: one lines+markers trace per y column, axis titles, the picture's axis ranges and
     * ticks, a legend when more than one.
     */
    public Figure figure() {
        ScatterTrace[] traces = new ScatterTrace[ys.length];
        for (int k = 0; k < ys.length; k++) {
            traces[k] = ScatterTrace.builder(x, ys[k])
                    .mode(ScatterTrace.Mode.LINE_AND_MARKERS)
                    .name(yColumns.get(k))
                    .showLegend(ys.length > 1)
                    .build();
        }
        Layout layout = Layout.builder()
                .title(title)
                .width(WIDTH)
                .height(HEIGHT)
                .showLegend(ys.length > 1)
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
        boolean legend = ys.length > 1;
        List<Map<String, Object>> traces = new ArrayList<>();
        for (int k = 0; k < ys.length; k++) {
            traces.add(PlotlyFigure.linesAndMarkers(yColumns.get(k), x, ys[k], COLOURS[k % COLOURS.length], legend));
        }
        PlotlyFigure.Margins margins = new PlotlyFigure.Margins(LEFT, legend ? RIGHT_LEGEND : RIGHT_PLAIN, TOP, BOTTOM);
        return PlotlyFigure.of(traces, PlotlyFigure.layout(title, WIDTH, HEIGHT, margins, legend,
                PlotlyFigure.axis(xColumn, xScale()), PlotlyFigure.axis(yAxisTitle(), yScale())));
    }

    private NiceScale xScale() {
        return scale(new double[][] {x}, allIntegers(x));
    }

    private NiceScale yScale() {
        return scale(ys, false);
    }

    private String yAxisTitle() {
        return ys.length == 1 ? yColumns.get(0) : "";
    }

    /** A standalone SVG document of the chart: axes with ticks, one polyline with markers per series, legend, title. */
    public String svg() {
        boolean legend = ys.length > 1;
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

        for (int k = 0; k < ys.length; k++) {
            appendSeries(svg, k, xs, yScale, right, bottom);
        }
        if (legend) {
            appendLegend(svg, right + 16);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private void appendSeries(StringBuilder svg, int k, NiceScale xs, NiceScale yScale, int right, int bottom) {
        String colour = COLOURS[k % COLOURS.length];
        svg.append("<g class=\"series\" data-name=\"").append(Svg.escape(yColumns.get(k))).append("\" stroke=\"")
                .append(colour).append("\" fill=\"").append(colour).append("\">\n");
        List<String> run = new ArrayList<>();
        StringBuilder markers = new StringBuilder();
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            double yi = ys[k][i];
            if (Double.isNaN(xi) || Double.isNaN(yi)) {
                appendPolyline(svg, run); // a missing value breaks the line
                run.clear();
                continue;
            }
            String px = Svg.coordinate(xs.map(xi, LEFT, right));
            String py = Svg.coordinate(yScale.map(yi, bottom, TOP));
            run.add(px + "," + py);
            markers.append("<circle cx=\"").append(px).append("\" cy=\"").append(py).append("\" r=\"3\"/>\n");
        }
        appendPolyline(svg, run);
        svg.append(markers).append("</g>\n");
    }

    private static void appendPolyline(StringBuilder svg, List<String> points) {
        if (points.size() > 1) {
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" points=\"").append(String.join(" ", points))
                    .append("\"/>\n");
        }
    }

    private void appendLegend(StringBuilder svg, int left) {
        svg.append("<g class=\"legend\">\n");
        for (int k = 0; k < ys.length; k++) {
            int y = TOP + 10 + 20 * k;
            String colour = COLOURS[k % COLOURS.length];
            svg.append("<line x1=\"").append(left).append("\" y1=\"").append(y).append("\" x2=\"").append(left + 24)
                    .append("\" y2=\"").append(y).append("\" stroke=\"").append(colour).append("\" stroke-width=\"2\"/>")
                    .append("<circle cx=\"").append(left + 12).append("\" cy=\"").append(y).append("\" r=\"3\" fill=\"")
                    .append(colour).append("\"/>")
                    .append("<text x=\"").append(left + 30).append("\" y=\"").append(y).append("\" dy=\"4\">")
                    .append(Svg.escape(yColumns.get(k))).append("</text>\n");
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
        for (int k = 0; k < ys.length; k++) {
            double[] range = range(ys[k]);
            text.append(k == 0 ? "" : ", ").append(yColumns.get(k))
                    .append(String.format(Locale.ROOT, " %.4g..%.4g", range[0], range[1]));
        }
        double[] xr = range(x);
        return text.append(" over ").append(xColumn).append(String.format(Locale.ROOT, " %.4g..%.4g", xr[0], xr[1]))
                .append(" (").append(x.length).append(" points)").toString();
    }

    private static double[] range(double[] values) {
        double lo = Arrays.stream(values).filter(Double::isFinite).min().orElse(Double.NaN);
        double hi = Arrays.stream(values).filter(Double::isFinite).max().orElse(Double.NaN);
        return new double[] {lo, hi};
    }
}
