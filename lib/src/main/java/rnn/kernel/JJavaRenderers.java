package rnn.kernel;

import java.util.Map;

import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/** Our renderers for JJava (jjava-jupyter). Loaded only when JJava is running. */
final class JJavaRenderers {

    private JJavaRenderers() {
    }

    /** Registers every rendered type with {@code renderer}, a JJava {@link Renderer}. */
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
                .register(JJavaRenderers::render);
    }

    /** Puts each requested type of the bundle into the output (renderAs may ask for a subset). */
    private static void render(RichDisplay value, RenderContext context) {
        Map<String, String> bundle = KernelDisplay.bundle(value);
        bundle.forEach((mime, data) -> context.renderIfRequested(MIMEType.parse(mime), () -> data));
    }
}
