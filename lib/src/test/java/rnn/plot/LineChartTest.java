package rnn.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.Trace;

class LineChartTest {

    private static Table history() {
        return Table.create("history",
                IntColumn.create("epoch", new int[] {1, 2, 3}),
                DoubleColumn.create("cost", new double[] {0.5, 0.2, 0.1}),
                DoubleColumn.create("train", new double[] {0.90, 0.95, 0.97}),
                DoubleColumn.create("test", new double[] {0.91, 0.94, 0.96}),
                StringColumn.create("note", new String[] {"a", "b", "c"}));
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void niceScaleOfCostsSteps0point1AndOfEpochsWholeNumbers() {
        NiceScale cost = NiceScale.of(0.1, 0.5, 6, false);
        assertEquals(0.1, cost.min(), 1e-12);
        assertEquals(0.5, cost.max(), 1e-12);
        assertEquals(0.1, cost.step(), 1e-12);
        assertEquals(1, cost.decimals());
        NiceScale epochs = NiceScale.of(1, 3, 6, true);
        assertArrayEquals(new double[] {1, 2, 3}, epochs.ticks(), 1e-12);
        assertEquals(0, epochs.decimals());
        NiceScale accuracy = NiceScale.of(0.9265, 0.9749, 6, false);
        assertEquals(0.01, accuracy.step(), 1e-12);
        assertEquals(0.92, accuracy.min(), 1e-12);
        assertEquals(0.98, accuracy.max(), 1e-12);
        NiceScale flat = NiceScale.of(2, 2, 6, false);
        assertTrue(flat.min() < 2 && flat.max() > 2);
    }

    @Test
    void svgPlacesEachPointOnTheNiceAxes() throws Exception {
        LineChart chart = LineChart.of("Cost per epoch", history(), "epoch", "cost");
        Document svg = parse(chart.svg());
        NodeList lines = svg.getElementsByTagName("polyline");
        assertEquals(1, lines.getLength());
        // x 1..3 onto [72, 616], y 0.1..0.5 onto [348, 44]: (1, 0.5), (2, 0.2), (3, 0.1)
        assertEquals("72.00,44.00 344.00,272.00 616.00,348.00", ((Element) lines.item(0)).getAttribute("points"));
        assertEquals(3, svg.getElementsByTagName("circle").getLength());
        String text = svg.getDocumentElement().getTextContent();
        for (String label : List.of("Cost per epoch", "epoch", "cost", "0.1", "0.3", "0.5", "1", "2", "3")) {
            assertTrue(text.contains(label), label);
        }
        assertEquals(0, svg.getElementsByTagName("g").getLength() - 3, "x ticks, y ticks, one series; no legend");
    }

    @Test
    void twoSeriesGetTwoColoursAndALegend() throws Exception {
        LineChart chart = LineChart.of("Accuracy", history(), "epoch", "train", "test");
        Document svg = parse(chart.svg());
        NodeList lines = svg.getElementsByTagName("polyline");
        assertEquals(2, lines.getLength());
        Element first = (Element) lines.item(0).getParentNode();
        Element second = (Element) lines.item(1).getParentNode();
        assertEquals("train", first.getAttribute("data-name"));
        assertFalse(first.getAttribute("stroke").equals(second.getAttribute("stroke")));
        String svgText = chart.svg();
        assertTrue(svgText.contains("class=\"legend\""));
        assertEquals(8, svg.getElementsByTagName("circle").getLength(), "3 + 3 markers and 2 legend markers");
    }

    @Test
    void figureHasOneLinesAndMarkersTracePerColumn() {
        Figure figure = LineChart.of("Accuracy", history(), "epoch", "train", "test").figure();
        Trace[] traces = figure.getTraces();
        assertEquals(2, traces.length);
        String js = figure.asJavascript("d");
        assertTrue(js.contains("name: 'train'") && js.contains("name: 'test'"), js);
        assertTrue(js.contains("mode: 'lines+markers'"));
        assertTrue(js.contains("showlegend: true"));
        assertTrue(js.contains("title: 'epoch'"));
        String single = LineChart.of("Cost", history(), "epoch", "cost").figure().asJavascript("d");
        assertTrue(single.contains("showlegend: false"), single);
        assertTrue(single.contains("title: 'cost'"));
        String compact = single.replace(" ", "");
        assertTrue(compact.contains("tickmode:'array'") && compact.contains("tickvals:[1.0,2.0,3.0]")
                && compact.contains("tickvals:[0.1,0.2,0.3,0.4,0.5]"), "the picture's ticks: " + single);
        assertTrue(compact.contains("range:[\"1.0\",\"3.0\"]") && compact.contains("range:[\"0.1\",\"0.5\"]"),
                "the picture's ranges (tablesaw-jsplot writes them as strings): " + single);
    }

    @Test
    void htmlIsTheSvgAsAPictureWithoutScripts() {
        LineChart chart = LineChart.of("Cost", history(), "epoch", "cost");
        String html = chart.html();
        Matcher img = Pattern.compile("src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        assertTrue(img.find());
        assertEquals(chart.svg(), new String(Base64.getDecoder().decode(img.group(1)), StandardCharsets.UTF_8));
        assertFalse(html.contains("<script"));
        assertEquals(html, chart.html(), "the same chart gives the same output: no random ids in committed notebooks");
    }

    @Test
    void htmlPictureSurvivesJupyterLabsSanitiserAndShrinksToTheOutputArea() throws Exception {
        LineChart chart = LineChart.of("Cost", history(), "epoch", "cost");
        String html = chart.html();
        assertEquals(chart.svg(), UntrustedOutput.pictureSvg(html), "the untrusted view shows the SVG");
        Element root = UntrustedOutput.sanitised(html);
        Element div = (Element) root.getElementsByTagName("div").item(0);
        Element img = (Element) root.getElementsByTagName("img").item(0);
        assertFalse(UntrustedOutput.style(div).containsKey("height"),
                "no fixed-height box: an inline picture overflowing it gives the output area scroll bars");
        assertEquals("block", UntrustedOutput.style(img).get("display"));
        assertEquals("100%", UntrustedOutput.style(img).get("max-width"));
        assertEquals("auto", UntrustedOutput.style(img).get("height"), "keeps its aspect ratio when shrunk");
        assertEquals(String.valueOf(LineChart.WIDTH), img.getAttribute("width"));
        assertEquals(String.valueOf(LineChart.HEIGHT), img.getAttribute("height"));
    }

    /** Ten epochs of the seed's run: the figure plotly draws by itself would tick epochs 0.5, 1.5, ... */
    private static Table tenEpochs() {
        return Table.create("history", IntColumn.create("epoch", new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}),
                DoubleColumn.create("cost", new double[] {0.563, 0.235, 0.166, 0.141, 0.126, 0.112, 0.104, 0.096,
                    0.090, 0.085}));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    /** The numbers of the tick labels of one axis group of the SVG ("x-ticks" or "y-ticks"). */
    private static List<Object> svgTickLabels(Document svg, String group) {
        List<Object> labels = new ArrayList<>();
        NodeList groups = svg.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("class").equals(group)) {
                NodeList texts = g.getElementsByTagName("text");
                for (int t = 0; t < texts.getLength(); t++) {
                    labels.add(texts.item(t).getTextContent());
                }
            }
        }
        return labels;
    }

    @Test
    void plotlyFigureHasThePicturesAxesWholeEpochsFromZeroAndCostFromZero() throws Exception {
        LineChart chart = LineChart.of("Cost per epoch", tenEpochs(), "epoch", "cost");
        Map<String, Object> figure = chart.plotly();
        assertEquals(List.of("data", "layout", "config"), List.copyOf(figure.keySet()));
        Map<String, Object> layout = map(figure.get("layout"));
        Map<String, Object> xaxis = map(layout.get("xaxis"));
        Map<String, Object> yaxis = map(layout.get("yaxis"));
        assertEquals(List.of(0.0, 10.0), xaxis.get("range"));
        assertEquals(List.of(0.0, 2.0, 4.0, 6.0, 8.0, 10.0), xaxis.get("tickvals"));
        assertEquals(List.of(0.0, 0.6), yaxis.get("range"), "the cost axis starts at 0, as in the picture");
        assertEquals(List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6), yaxis.get("tickvals"));
        assertEquals("array", xaxis.get("tickmode"));
        assertEquals(false, xaxis.get("autorange"));

        Document svg = parse(chart.svg());
        assertEquals(svgTickLabels(svg, "x-ticks"), xaxis.get("ticktext"), "the same tick labels as the picture");
        assertEquals(svgTickLabels(svg, "y-ticks"), yaxis.get("ticktext"));
        assertEquals(List.of("0", "2", "4", "6", "8", "10"), xaxis.get("ticktext"));
        assertEquals(List.of("0.0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6"), yaxis.get("ticktext"));
        assertEquals("epoch", map(xaxis.get("title")).get("text"));
        assertEquals("cost", map(yaxis.get("title")).get("text"));
        assertEquals("Cost per epoch", map(layout.get("title")).get("text"));
    }

    @Test
    void plotlyPutsEveryPointWhereThePictureDrawsIt() throws Exception {
        LineChart chart = LineChart.of("Accuracy", history(), "epoch", "train", "test");
        assertPlotlyMatchesPicture(chart);
        Map<String, Object> figure = chart.plotly();
        for (Object t : list(figure.get("data"))) {
            Map<String, Object> trace = map(t);
            assertEquals("lines+markers", trace.get("mode"));
            assertEquals(2, map(trace.get("line")).get("width"));
            assertEquals(6, map(trace.get("marker")).get("size"));
            assertEquals(true, trace.get("showlegend"));
        }
        assertEquals(2, list(figure.get("data")).size());
        assertEquals(true, map(figure.get("layout")).get("showlegend"));
    }

    /**
     * The time-series notebook's kind of chart: a whole series as a line, one window of it as a thick line, the
     * window's instance as big dots under its targets' dots, the targets one step later (beyond the series' last x),
     * so both axes span all the series.
     */
    @Test
    void plotlyPutsEveryPointOfAStyledMultiSeriesChartWhereThePictureDrawsIt() throws Exception {
        int n = 61;
        double[] t = new double[n];
        double[] value = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 0.5 * i;
            value[i] = t[i] * Math.sin(t[i]) / 3 + 2 * Math.sin(5 * t[i]);
        }
        double[] windowT = Arrays.copyOfRange(t, 40, 61);
        double[] windowValue = Arrays.copyOfRange(value, 40, 61);
        double[] targetT = Arrays.stream(windowT).map(x -> x + 0.5).toArray();
        double[] targetValue = Arrays.stream(targetT).map(x -> x * Math.sin(x) / 3 + 2 * Math.sin(5 * x)).toArray();
        LineChart chart = LineChart.of("A time series", Table.create("series", DoubleColumn.create("time", t),
                DoubleColumn.create("series", value)), "time", "series").style("series", LineChart.Style.LINE)
                .with(Table.create("window", DoubleColumn.create("time", windowT),
                        DoubleColumn.create("window", windowValue)), "time", "window", LineChart.Style.THICK_LINE)
                .with(Table.create("instance", DoubleColumn.create("time", windowT),
                        DoubleColumn.create("instance", windowValue)), "time", "instance", LineChart.Style.BIG_MARKERS)
                .with(Table.create("target", DoubleColumn.create("time", targetT),
                        DoubleColumn.create("target", targetValue)), "time", "target", LineChart.Style.MARKERS);
        assertPlotlyMatchesPicture(chart);

        Map<String, Object> figure = chart.plotly();
        List<Object> traces = list(figure.get("data"));
        assertEquals(List.of("lines", "lines", "markers", "markers"),
                traces.stream().map(tr -> map(tr).get("mode")).toList());
        assertEquals(Arrays.asList(2, 4, null, null),
                traces.stream().map(tr -> map(tr).get("line") == null ? null : map(map(tr).get("line")).get("width"))
                        .toList());
        assertEquals(Arrays.asList(null, null, 14, 8),
                traces.stream().map(tr -> map(tr).get("marker") == null ? null
                        : map(map(tr).get("marker")).get("size")).toList());
        assertEquals(List.of(0.0, 40.0), map(map(figure.get("layout")).get("xaxis")).get("range"),
                "the x axis reaches the targets past the series' end (30.5, where the series alone ends at 30)");
    }

    /**
     * Maps every point of every plotly trace through the axes' ranges onto the plot area inside the margins, as
     * plotly does, and finds it where the picture draws that series: a marker's centre, or a vertex of its line.
     * The line widths and marker diameters agree too.
     */
    private static void assertPlotlyMatchesPicture(LineChart chart) throws Exception {
        Map<String, Object> layout = map(chart.plotly().get("layout"));
        assertEquals(LineChart.WIDTH, layout.get("width"));
        assertEquals(LineChart.HEIGHT, layout.get("height"));
        Map<String, Object> margin = map(layout.get("margin"));
        List<Object> xRange = list(map(layout.get("xaxis")).get("range"));
        List<Object> yRange = list(map(layout.get("yaxis")).get("range"));
        double left = ((Integer) margin.get("l")).doubleValue();
        double right = LineChart.WIDTH - ((Integer) margin.get("r")).doubleValue();
        double top = ((Integer) margin.get("t")).doubleValue();
        double bottom = LineChart.HEIGHT - ((Integer) margin.get("b")).doubleValue();

        NodeList groups = parse(chart.svg()).getElementsByTagName("g");
        List<Object> traces = list(chart.plotly().get("data"));
        assertEquals(chart.yColumns().size(), traces.size());
        for (Object t : traces) {
            Map<String, Object> trace = map(t);
            Element group = null;
            for (int g = 0; g < groups.getLength(); g++) {
                if (((Element) groups.item(g)).getAttribute("data-name").equals(trace.get("name"))) {
                    group = (Element) groups.item(g);
                }
            }
            assertTrue(group != null, "the picture draws series " + trace.get("name"));
            NodeList circles = group.getElementsByTagName("circle");
            NodeList polylines = group.getElementsByTagName("polyline");
            List<double[]> drawn = new ArrayList<>();
            if (trace.get("marker") != null) {
                assertEquals(map(trace.get("marker")).get("size"),
                        2 * Integer.parseInt(((Element) circles.item(0)).getAttribute("r")), "marker diameter");
                assertEquals(group.getAttribute("fill"), map(trace.get("marker")).get("color"));
                for (int c = 0; c < circles.getLength(); c++) {
                    Element circle = (Element) circles.item(c);
                    drawn.add(new double[] {Double.parseDouble(circle.getAttribute("cx")),
                        Double.parseDouble(circle.getAttribute("cy"))});
                }
            } else {
                assertEquals(0, circles.getLength(), "no markers in the picture either");
            }
            if (trace.get("line") != null) {
                Element polyline = (Element) polylines.item(0);
                assertEquals(map(trace.get("line")).get("width"), Integer.parseInt(polyline.getAttribute("stroke-width")));
                assertEquals(group.getAttribute("stroke"), map(trace.get("line")).get("color"));
                if (drawn.isEmpty()) {
                    for (int p = 0; p < polylines.getLength(); p++) {
                        for (String point : ((Element) polylines.item(p)).getAttribute("points").split(" ")) {
                            String[] xy = point.split(",");
                            drawn.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
                        }
                    }
                }
            } else {
                assertEquals(0, polylines.getLength(), "no line in the picture either");
            }
            List<Object> xs = list(trace.get("x"));
            List<Object> ys = list(trace.get("y"));
            int point = 0;
            for (int i = 0; i < xs.size(); i++) {
                if (xs.get(i) == null || ys.get(i) == null) continue; // a gap in both
                double x = (Double) xs.get(i);
                double y = (Double) ys.get(i);
                double px = left + (x - (Double) xRange.get(0)) / ((Double) xRange.get(1) - (Double) xRange.get(0))
                        * (right - left);
                double py = bottom - (y - (Double) yRange.get(0)) / ((Double) yRange.get(1) - (Double) yRange.get(0))
                        * (bottom - top);
                double[] at = drawn.get(point++);
                // the picture writes coordinates to the hundredth of a pixel
                assertEquals(at[0], px, 0.0051, trace.get("name") + ": x of point " + i);
                assertEquals(at[1], py, 0.0051, trace.get("name") + ": y of point " + i);
            }
            assertEquals(drawn.size(), point, trace.get("name") + ": as many points as the picture draws");
        }
    }

    @Test
    void plotlyLeavesAGapForAMissingValue() {
        Table table = Table.create("h", IntColumn.create("epoch", new int[] {1, 2, 3}),
                DoubleColumn.create("cost", new double[] {0.5, Double.NaN, 0.1}));
        Map<String, Object> trace = map(list(LineChart.of("Cost", table, "epoch", "cost").plotly().get("data")).get(0));
        assertEquals(Arrays.asList(0.5, null, 0.1), trace.get("y"), "JSON null: a gap, as in the picture");
        assertEquals(List.of(1.0, 2.0, 3.0), trace.get("x"));
        assertEquals(false, trace.get("showlegend"));
    }

    @Test
    void untrustedOutputCheckRejectsWhatTheSanitiserRemoves() {
        assertThrows(AssertionError.class, () -> UntrustedOutput.sanitised("<div><svg width=\"1\"/></div>"),
                "inline svg is not on JupyterLab's tag list");
        assertThrows(AssertionError.class, () -> UntrustedOutput.sanitised("<img onload=\"x()\" src=\"a.png\"/>"));
        assertThrows(AssertionError.class,
                () -> UntrustedOutput.sanitised("<img style=\"image-rendering:pixelated\" src=\"a.png\"/>"));
        assertThrows(AssertionError.class, () -> UntrustedOutput.pictureSvg("<img src=\"http://example.org/a.svg\"/>"));
    }

    @Test
    void savesSvgAndHtmlFiles(@TempDir Path dir) throws Exception {
        LineChart chart = LineChart.of("Cost", history(), "epoch", "cost");
        chart.save(dir.resolve("cost.svg"));
        assertEquals(chart.svg(), Files.readString(dir.resolve("cost.svg")));
        chart.save(dir.resolve("cost.html"));
        String page = Files.readString(dir.resolve("cost.html"));
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains(chart.html()));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> chart.save(dir.resolve("cost.png")));
        assertTrue(bad.getMessage().contains(".svg or .html"));
    }

    @Test
    void rejectsMissingAndNonNumericColumns() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> LineChart.of("t", history(), "epoch", "loss"));
        assertTrue(missing.getMessage().contains("'loss'") && missing.getMessage().contains("cost"),
                missing.getMessage());
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
                () -> LineChart.of("t", history(), "epoch", "note"));
        assertTrue(text.getMessage().contains("numeric") && text.getMessage().contains("STRING"), text.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LineChart.of("t", history(), "epoch"));
    }

    @Test
    void keepsACopyOfTheDataAndSummarisesIt() {
        Table table = history();
        LineChart chart = LineChart.of("Cost", table, "epoch", "cost");
        table.doubleColumn("cost").set(0, 9.0);
        assertArrayEquals(new double[] {0.5, 0.2, 0.1}, chart.y("cost"), 0);
        assertArrayEquals(new double[] {1, 2, 3}, chart.x(), 0);
        assertEquals("LineChart \"Cost\": cost 0.1000..0.5000 over epoch 1.000..3.000 (3 points)", chart.toString());
    }

    @Test
    void seriesOnTheirOwnXAreDrawnInTheirStyles() throws Exception {
        Table series = Table.create("series", DoubleColumn.create("t", new double[] {0, 1, 2, 3, 4}),
                DoubleColumn.create("value", new double[] {0, 1, 0, -1, 0}));
        Table window = Table.create("window", DoubleColumn.create("t", new double[] {1.5, 2.5}),
                DoubleColumn.create("instance", new double[] {0.5, -0.5}));
        LineChart chart = LineChart.of("A series", series, "t", "value").style("value", LineChart.Style.LINE)
                .with(window, "t", "instance", LineChart.Style.MARKERS)
                .with(window, "t", "instance".toUpperCase(), LineChart.Style.THICK_LINE);
        assertEquals(List.of("value", "instance", "INSTANCE"), chart.yColumns());
        assertArrayEquals(new double[] {1.5, 2.5}, chart.x("instance"), 0);
        assertArrayEquals(new double[] {0, 1, 2, 3, 4}, chart.x(), 0);
        assertEquals(LineChart.Style.MARKERS, chart.style("instance"));

        Document svg = parse(chart.svg());
        NodeList groups = svg.getElementsByTagName("g");
        int found = 0;
        for (int g = 0; g < groups.getLength(); g++) {
            Element group = (Element) groups.item(g);
            switch (group.getAttribute("data-name")) {
                case "value" -> {
                    assertEquals(0, group.getElementsByTagName("circle").getLength(), "a line has no markers");
                    assertEquals("2", ((Element) group.getElementsByTagName("polyline").item(0)).getAttribute("stroke-width"));
                    found++;
                }
                case "instance" -> {
                    assertEquals(0, group.getElementsByTagName("polyline").getLength(), "markers have no line");
                    assertEquals(2, group.getElementsByTagName("circle").getLength());
                    found++;
                }
                case "INSTANCE" -> {
                    assertEquals("4", ((Element) group.getElementsByTagName("polyline").item(0)).getAttribute("stroke-width"));
                    found++;
                }
                default -> { }
            }
        }
        assertEquals(3, found);
        String js = chart.figure().asJavascript("d");
        assertTrue(js.contains("mode: 'markers'") && js.contains("size: 8.0"), js);
        assertTrue(js.contains("mode: 'lines'") && js.contains("\"width\" : 4.0"), js);

        Document big = parse(chart.style("instance", LineChart.Style.BIG_MARKERS).svg());
        NodeList bigGroups = big.getElementsByTagName("g");
        for (int g = 0; g < bigGroups.getLength(); g++) {
            Element group = (Element) bigGroups.item(g);
            if (group.getAttribute("data-name").equals("instance")) {
                assertEquals("7", ((Element) group.getElementsByTagName("circle").item(0)).getAttribute("r"));
            }
        }

        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> chart.with(window, "t", "instance", LineChart.Style.LINE));
        assertEquals("LineChart.with: the chart already has a series 'instance'; its series are [value, instance, INSTANCE]",
                twice.getMessage());
    }
}
