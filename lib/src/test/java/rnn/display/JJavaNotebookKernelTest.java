package rnn.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;
import rnn.plot.LineChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * In JJava the kernel running the notebook is {@code BaseKernel.notebookKernel()}: KernelDisplay.install()
 * must find its renderer there and register our charts with it, from the notebook's own class loader.
 */
class JJavaNotebookKernelTest {

    /** The least of a kernel: a name, a renderer, and the notebook-kernel slot JJava fills in. */
    private static final class NotebookKernel extends BaseKernel {
        NotebookKernel(Renderer renderer) {
            super("test", "0", null, List.of(), null, new JupyterIO(StandardCharsets.UTF_8), new CommManager(), renderer,
                    null, null, false, new StringStyler("", "", "", line -> ""));
        }

        void becomeTheNotebookKernel() {
            installNotebookKernel();
        }

        void stopBeingTheNotebookKernel() {
            uninstallNotebookKernel();
        }

        @Override
        public Object evalRaw(String expr) {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.dflib.jjava.jupyter.kernel.display.DisplayData inspect(String code, int at, boolean extraDetail) {
            return null;
        }

        @Override
        public ReplacementOptions complete(String code, int at) {
            return null;
        }

        @Override
        public String isComplete(String code) {
            return IS_COMPLETE_YES;
        }
    }

    @Test
    void installRegistersTheChartsWithTheNotebookKernelsRenderer() {
        Renderer renderer = new Renderer();
        NotebookKernel kernel = new NotebookKernel(renderer);
        kernel.becomeTheNotebookKernel();
        try {
            assertSame(kernel, BaseKernel.notebookKernel());
            KernelDisplay.install();
            LineChart chart = LineChart.of("Cost", Table.create("h", IntColumn.create("epoch", new int[] {1, 2}),
                    DoubleColumn.create("cost", new double[] {0.4, 0.2})), "epoch", "cost");
            org.dflib.jjava.jupyter.kernel.display.DisplayData data = renderer.render(chart);
            assertTrue(data.hasDataForType(MIMEType.TEXT_HTML), "rendered as HTML");
            assertEquals(chart.svg(), data.getData(MIMEType.IMAGE_SVG));
        } finally {
            kernel.stopBeingTheNotebookKernel();
        }
    }
}
