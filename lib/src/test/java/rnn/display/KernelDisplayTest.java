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
    void bundleHasHtmlSvgAndText() {
        LineChart chart = chart();
        Map<String, String> bundle = KernelDisplay.bundle(chart);
        assertEquals(List.of("text/html", "image/svg+xml", "text/plain"), List.copyOf(bundle.keySet()));
        assertEquals(chart.svg(), bundle.get("image/svg+xml"));
        assertEquals(chart.toString(), bundle.get("text/plain"));
        assertTrue(bundle.get("text/html").contains("<img"));
        assertNull(KernelDisplay.bundle("a string"));
        assertNull(KernelDisplay.bundle(null));
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
        assertEquals("x", renderer.render("x").getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
    }

    @Test
    void jjavaFindsTheExtensionThroughServiceLoader() {
        List<String> names = java.util.ServiceLoader.load(org.dflib.jjava.jupyter.Extension.class).stream()
                .map(p -> p.type().getName()).toList();
        assertTrue(names.contains(JJavaDisplayExtension.class.getName()), names.toString());
    }
}
