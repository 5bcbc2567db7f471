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
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterEach;
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

    @AfterEach
    void realLibrary() {
        PlotlyScript.useLibrary(null);
        PlotlyScript.newSession();
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
    }

    @Test
    void htmlShowsTheSvgAsAPictureAndEmbedsPlotlyOnlyInTheFirstChart() {
        PlotlyScript.useLibrary(Optional.of("window.Plotly = {newPlot: function () {}}; /*LIB*/"));
        PlotlyScript.newSession();
        LineChart chart = LineChart.of("Cost", history(), "epoch", "cost");
        String first = chart.html();
        String second = chart.html();
        Matcher img = Pattern.compile("src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\"").matcher(first);
        assertTrue(img.find());
        assertEquals(chart.svg(), new String(Base64.getDecoder().decode(img.group(1)), StandardCharsets.UTF_8));
        assertTrue(first.contains("/*LIB*/") && first.contains("window.define = undefined"));
        assertFalse(second.contains("/*LIB*/"));
        assertTrue(second.contains("Plotly.newPlot") && second.contains("typeof window.Plotly === 'undefined'"));
        String divId = second.replaceAll("(?s).*<div id=\"([a-z_0-9]+)\".*", "$1");
        assertTrue(second.contains("document.getElementById('" + divId + "')"), divId);
    }

    @Test
    void htmlPictureSurvivesJupyterLabsSanitiserAndShrinksToTheOutputArea() throws Exception {
        LineChart chart = LineChart.of("Cost", history(), "epoch", "cost");
        PlotlyScript.useLibrary(Optional.of("window.Plotly = {newPlot: function () {}}; /*LIB*/"));
        PlotlyScript.newSession();
        String withLibrary = chart.html();
        String withPlot = chart.html();
        PlotlyScript.useLibrary(Optional.empty());
        String pictureOnly = chart.html();
        for (String html : List.of(withLibrary, withPlot, pictureOnly)) {
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
    void withoutPlotlyTheHtmlIsThePictureOnly() {
        PlotlyScript.useLibrary(Optional.empty());
        String html = LineChart.of("Cost", history(), "epoch", "cost").html();
        assertFalse(html.contains("<script"));
        assertTrue(html.contains("<img"));
    }

    @Test
    void savesSvgAndHtmlFiles(@TempDir Path dir) throws Exception {
        LineChart chart = LineChart.of("Cost", history(), "epoch", "cost");
        chart.save(dir.resolve("cost.svg"));
        assertEquals(chart.svg(), Files.readString(dir.resolve("cost.svg")));
        chart.save(dir.resolve("cost.html"));
        String page = Files.readString(dir.resolve("cost.html"));
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains("<img"));
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
