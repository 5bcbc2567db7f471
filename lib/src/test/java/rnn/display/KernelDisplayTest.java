package rnn.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import rnn.plot.LineChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class KernelDisplayTest {

    private static LineChart chart() {
        return LineChart.of("Cost", Table.create("h", IntColumn.create("epoch", new int[] {1, 2}),
                DoubleColumn.create("cost", new double[] {0.4, 0.2})), "epoch", "cost");
    }

    @Test
    void bundleHasThePlotlyFigureThenHtmlSvgAndText() {
        LineChart chart = chart();
        Map<String, Object> bundle = KernelDisplay.bundle(chart);
        assertEquals(List.of("application/vnd.plotly.v1+json", "text/html", "image/svg+xml", "text/plain"),
                List.copyOf(bundle.keySet()));
        assertEquals(chart.plotly(), bundle.get("application/vnd.plotly.v1+json"));
        assertEquals(chart.svg(), bundle.get("image/svg+xml"));
        assertEquals(chart.toString(), bundle.get("text/plain"));
        assertTrue(((String) bundle.get("text/html")).contains("<img"));
        assertNull(KernelDisplay.bundle("a string"));
        assertNull(KernelDisplay.bundle(null));
    }

    @Test
    void aDigitGridIsAPictureWithoutAPlotlyFigure() {
        rnn.plot.DigitGrid grid = rnn.plot.DigitGrid.of(new float[][] {new float[28 * 28]}, new int[] {3}, null);
        assertEquals(List.of("text/html", "image/svg+xml", "text/plain"), List.copyOf(KernelDisplay.bundle(grid).keySet()));
    }

    /**
     * Both kernels send a display's data through Gson (default settings): the plotly figure, put in as a Map,
     * must arrive as a JSON object with a layout, not as a string, and with no NaN (which Gson refuses).
     */
    private static void assertPlotlyIsAJsonObject(String messageJson) {
        com.google.gson.JsonObject data = new com.google.gson.JsonParser().parse(messageJson).getAsJsonObject()
                .getAsJsonObject("data");
        com.google.gson.JsonElement figure = data.get("application/vnd.plotly.v1+json");
        assertTrue(figure.isJsonObject(), "a JSON object, got " + figure);
        assertTrue(figure.getAsJsonObject().get("layout").isJsonObject(), "JupyterLab's renderer requires a layout");
        assertEquals(2, figure.getAsJsonObject().getAsJsonArray("data").get(0).getAsJsonObject()
                .getAsJsonArray("y").size());
        assertEquals(0.4, figure.getAsJsonObject().getAsJsonArray("data").get(0).getAsJsonObject()
                .getAsJsonArray("y").get(0).getAsDouble(), 0);
        assertTrue(data.get("image/svg+xml").getAsString().startsWith("<svg"));
    }

    @Test
    void installOutsideAKernelDoesNothingAndDoesNotThrow() {
        KernelDisplay.install();
        KernelDisplay.install();
    }

    @Test
    void ijavaRendererRendersAChartAsHtmlSvgAndText() {
        io.github.spencerpark.jupyter.kernel.display.Renderer renderer =
                new io.github.spencerpark.jupyter.kernel.display.Renderer();
        IJavaRenderers.register(renderer);
        LineChart chart = chart();
        io.github.spencerpark.jupyter.kernel.display.DisplayData data = renderer.render(chart);
        assertEquals(chart.svg(), data.getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.IMAGE_SVG));
        assertTrue(((String) data.getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_HTML))
                .contains("<img"));
        assertEquals(chart.toString(), data.getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
        assertEquals(chart.plotly(), data.getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.parse(
                KernelDisplay.PLOTLY)));
        assertPlotlyIsAJsonObject(new com.google.gson.Gson().toJson(data));
        io.github.spencerpark.jupyter.kernel.display.DisplayData svgOnly = renderer.renderAs(chart, "image/svg+xml");
        assertFalse(svgOnly.hasDataForType(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_HTML));
        assertTrue(svgOnly.hasDataForType(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.IMAGE_SVG));
    }

    @Test
    void jjavaRendererRendersAChartAsHtmlSvgAndText() {
        org.dflib.jjava.jupyter.kernel.display.Renderer renderer = new org.dflib.jjava.jupyter.kernel.display.Renderer();
        assertTrue(KernelDisplay.firstTime(renderer));
        JJavaRenderers.register(renderer);
        assertFalse(KernelDisplay.firstTime(renderer), "a second install with this renderer is skipped");
        LineChart chart = chart();
        org.dflib.jjava.jupyter.kernel.display.DisplayData data = renderer.render(chart);
        assertEquals(chart.svg(), data.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.IMAGE_SVG));
        assertTrue(data.hasDataForType(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_HTML));
        assertPlotlyIsAJsonObject(new com.google.gson.Gson().toJson(data));
        assertEquals("x", renderer.render("x").getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
    }

    @Test
    void jjavaFindsTheExtensionThroughServiceLoader() {
        List<String> names = java.util.ServiceLoader.load(org.dflib.jjava.jupyter.Extension.class).stream()
                .map(p -> p.type().getName()).toList();
        assertTrue(names.contains(JJavaDisplayExtension.class.getName()), names.toString());
    }
}
