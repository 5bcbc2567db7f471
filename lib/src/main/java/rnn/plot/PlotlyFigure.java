package rnn.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pieces of a plotly figure as the MIME type {@value #MIME_TYPE} carries it: {@code {data, layout, config}}, where
 * {@code data} is a list of traces. Everything is plain maps, lists, numbers, strings and booleans, so the kernels'
 * JSON serialiser (Gson) and the notebook runner's (Jackson) both write it as a JSON object. JupyterLab's plotly
 * renderer (the {@code plotly} package's lab extension) and VS Code draw it with the plotly.js they ship: nothing is
 * fetched from the internet.
 */
final class PlotlyFigure {

    /** The MIME type plotly's renderers read. */
    static final String MIME_TYPE = "application/vnd.plotly.v1+json";

    /** Colours and fonts of the SVG picture, so the interactive chart looks like it. */
    static final String FONT = "Helvetica, Arial, sans-serif";
    static final String INK = "#444";
    static final String GRID = "#e5e5e5";

    private PlotlyFigure() {
    }

    /** The figure: JupyterLab's renderer requires a layout; the config hides plotly's logo in the tool bar. */
    static Map<String, Object> of(List<Map<String, Object>> traces, Map<String, Object> layout) {
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("data", traces);
        figure.put("layout", layout);
        figure.put("config", new LinkedHashMap<>(Map.of("displaylogo", false)));
        return figure;
    }

    /**
     * One series drawn as the SVG draws it, in {@code colour}: a line {@code lineWidth} pixels wide (0 for none)
     * through markers {@code markerSize} pixels across (0 for none); a NaN leaves a gap (JSON null). Markers at the
     * edge of the plot are drawn whole, as in the picture.
     */
    static Map<String, Object> trace(String name, double[] x, double[] y, String colour, int lineWidth,
            int markerSize, boolean legend) {
        if (lineWidth <= 0 && markerSize <= 0) {
            throw new IllegalArgumentException("PlotlyFigure.trace: expected a line width or a marker size above 0, got "
                    + lineWidth + " and " + markerSize);
        }
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("type", "scatter");
        trace.put("mode", lineWidth > 0 && markerSize > 0 ? "lines+markers" : lineWidth > 0 ? "lines" : "markers");
        trace.put("name", name);
        trace.put("x", numbers(x));
        trace.put("y", numbers(y));
        if (lineWidth > 0) {
            trace.put("line", new LinkedHashMap<>(Map.of("color", colour, "width", lineWidth)));
        }
        if (markerSize > 0) {
            trace.put("marker", new LinkedHashMap<>(Map.of("color", colour, "size", markerSize)));
        }
        trace.put("cliponaxis", false);
        trace.put("showlegend", legend);
        return trace;
    }

    /** An axis with exactly the picture's range, tick values and tick labels, grid lines and an axis line. */
    static Map<String, Object> axis(String title, NiceScale scale) {
        List<Object> values = new ArrayList<>();
        List<Object> labels = new ArrayList<>();
        for (String label : scale.labels()) {
            values.add(Double.parseDouble(label)); // the tick as its label reads: 0.3, not 0.30000000000000004
            labels.add(label);
        }
        Map<String, Object> axis = new LinkedHashMap<>();
        axis.put("title", text(title, 13));
        axis.put("range", List.of(rounded(scale.min(), scale.decimals()), rounded(scale.max(), scale.decimals())));
        axis.put("autorange", false);
        axis.put("tickmode", "array");
        axis.put("tickvals", values);
        axis.put("ticktext", labels);
        axis.put("showgrid", true);
        axis.put("gridcolor", GRID);
        axis.put("zeroline", false);
        axis.put("showline", true);
        axis.put("linecolor", INK);
        return axis;
    }

    /** A layout of {@code width} x {@code height} pixels with the picture's margins around the plot area. */
    static Map<String, Object> layout(String title, int width, int height, Margins margins, boolean legend,
            Map<String, Object> xAxis, Map<String, Object> yAxis) {
        Map<String, Object> layout = new LinkedHashMap<>();
        layout.put("title", text(title, 16));
        layout.put("width", width);
        layout.put("height", height);
        layout.put("autosize", false);
        layout.put("margin", new LinkedHashMap<>(Map.of("l", margins.left(), "r", margins.right(), "t", margins.top(),
                "b", margins.bottom(), "pad", 0)));
        layout.put("font", new LinkedHashMap<>(Map.of("family", FONT, "size", 12, "color", INK)));
        layout.put("paper_bgcolor", "white");
        layout.put("plot_bgcolor", "white");
        layout.put("showlegend", legend);
        layout.put("xaxis", xAxis);
        layout.put("yaxis", yAxis);
        return layout;
    }

    /** The space between the figure's edges and its plot area, in pixels. */
    record Margins(int left, int right, int top, int bottom) {
    }

    private static Map<String, Object> text(String text, int size) {
        Map<String, Object> title = new LinkedHashMap<>();
        title.put("text", text);
        title.put("font", new LinkedHashMap<>(Map.of("size", size)));
        return title;
    }

    private static double rounded(double value, int decimals) {
        return Double.parseDouble(Svg.label(value, decimals));
    }

    /** The values as a JSON array: a NaN (a missing value) becomes null, which plotly draws as a gap. */
    private static List<Object> numbers(double[] values) {
        List<Object> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(Double.isFinite(v) ? (Object) v : null);
        }
        return list;
    }
}
