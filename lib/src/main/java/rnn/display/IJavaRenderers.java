package rnn.display;

import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

/** Our registration with IJava 1.3's renderer (jupyter-jvm-basekernel 2.3). Loaded only when IJava is running. */
final class IJavaRenderers {
    private IJavaRenderers() {
    }

    /**
     * Every {@link RichDisplay} renders as its {@link KernelDisplay#bundle}; the renderer looks types up by interface
     * too. The plotly figure goes in as a Map, which the kernel's Gson writes as a JSON object.
     */
    static void register(Object renderer) {
        ((Renderer) renderer).createRegistration(RichDisplay.class)
                .preferring(KernelDisplay.PREFERRED).supporting(KernelDisplay.TEXT_PLAIN)
                .register((value, context) -> KernelDisplay.bundle(value)
                        .forEach((mime, data) -> context.renderIfRequested(MIMEType.parse(mime), () -> data)));
    }
}
