package rnn.kernel;

import java.util.Map;

import io.github.spencerpark.jupyter.kernel.display.RenderContext;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

/** Our renderers for IJava 1.3 (jupyter-jvm-basekernel 2.3). Loaded only when IJava is running. */
final class IJavaRenderers {

    private IJavaRenderers() {
    }

    /** Registers every rendered type with {@code renderer}, an IJava {@link Renderer}. */
    static void register(Object renderer) {
        Renderer ijava = (Renderer) renderer;
        for (Class<? extends RichDisplay> type : KernelDisplay.RENDERED_TYPES) {
            registerType(ijava, type);
        }
    }

    private static <T extends RichDisplay> void registerType(Renderer renderer, Class<T> type) {
        renderer.createRegistration(type)
                .preferring(KernelDisplay.TEXT_HTML, KernelDisplay.IMAGE_SVG)
                .supporting(KernelDisplay.TEXT_PLAIN)
                .register(IJavaRenderers::render);
    }

    /** Puts each requested type of the bundle into the output (renderAs may ask for a subset). */
    private static void render(RichDisplay value, RenderContext context) {
        Map<String, String> bundle = KernelDisplay.bundle(value);
        bundle.forEach((mime, data) -> context.renderIfRequested(MIMEType.parse(mime), () -> data));
    }
}
