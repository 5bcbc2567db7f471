package rnn.display;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/** Our registration with JJava's renderer (jjava-jupyter), the same as {@link IJavaRenderers}'. Loaded only in JJava. */
final class JJavaRenderers {
    private JJavaRenderers() {
    }

    static void register(Object renderer) {
        ((Renderer) renderer).createRegistration(RichDisplay.class)
                .preferring(KernelDisplay.PREFERRED).supporting(KernelDisplay.TEXT_PLAIN)
                .register((value, context) -> KernelDisplay.bundle(value)
                        .forEach((mime, data) -> context.renderIfRequested(MIMEType.parse(mime), () -> data)));
    }
}
