package rnn.display;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Rich display of every {@link RichDisplay} (the charts of {@code rnn.plot}) in IJava 1.3 and JJava, and the
 * kernel-independent MIME bundle the notebook runner uses. One registration of the interface serves every
 * implementing class: both kernels' renderers look a value's type up through its superclasses and interfaces.
 *
 * <p>{@link #install()} runs from the static initializer of each displayable class, so the first chart of a
 * notebook registers the renderers with no call in the notebook and from the notebook's own class loader. JJava
 * also installs {@link JJavaDisplayExtension} (META-INF/services) when {@code %classpath} adds the jar.
 * Registering twice with one renderer is avoided.
 */
public final class KernelDisplay {

    /** plotly's figure JSON, drawn by JupyterLab's plotly renderer and VS Code; ranked above HTML and SVG there. */
    public static final String PLOTLY = "application/vnd.plotly.v1+json";
    public static final String TEXT_HTML = "text/html";
    public static final String IMAGE_SVG = "image/svg+xml";
    public static final String TEXT_PLAIN = "text/plain";
    /** The types the kernels are asked to prefer, best first. */
    static final String[] PREFERRED = {PLOTLY, TEXT_HTML, IMAGE_SVG};

    /** IJava 1.3: {@code IJava.getKernelInstance()}. */
    private static final String IJAVA = "io.github.spencerpark.ijava.IJava";
    /** JJava 1.0 (from the alphas on): {@code BaseKernel.notebookKernel()}, the kernel running the notebook. */
    private static final String JJAVA_BASE_KERNEL = "org.dflib.jjava.jupyter.kernel.BaseKernel";

    /** Renderers already holding our registrations (weakly: a finished kernel's renderer may go). */
    private static final Set<Object> registered = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private KernelDisplay() {
    }

    /**
     * The MIME bundle of {@code value} (mime type to data, best first: application/vnd.plotly.v1+json for a chart,
     * then text/html, image/svg+xml, text/plain), or null if it is not a type we render richly. The plotly figure
     * is a JSON object as plain maps and lists (the kernels' Gson and nbformat store it as an object, not a string);
     * the other types are strings.
     */
    public static Map<String, Object> bundle(Object value) {
        if (!(value instanceof RichDisplay rich)) {
            return null;
        }
        Map<String, Object> bundle = new LinkedHashMap<>();
        Map<String, Object> figure = rich.plotly();
        if (figure != null) {
            bundle.put(PLOTLY, figure);
        }
        bundle.put(TEXT_HTML, rich.html());
        bundle.put(IMAGE_SVG, rich.svg());
        bundle.put(TEXT_PLAIN, String.valueOf(rich));
        return bundle;
    }

    /**
     * Registers our renderers with the running IJava or JJava kernel, if any. Outside a kernel, or if anything
     * goes wrong, a silent no-op: a chart must never fail because of its display.
     */
    public static void install() {
        for (ClassLoader loader : loaders()) {
            try {
                Object ijavaRenderer = kernelRenderer(IJAVA, "getKernelInstance", loader);
                if (ijavaRenderer != null && firstTime(ijavaRenderer)) {
                    IJavaRenderers.register(ijavaRenderer);
                }
                Object jjavaRenderer = kernelRenderer(JJAVA_BASE_KERNEL, "notebookKernel", loader);
                if (jjavaRenderer != null && firstTime(jjavaRenderer)) {
                    JJavaRenderers.register(jjavaRenderer);
                }
            } catch (RuntimeException | LinkageError | ReflectiveOperationException ignored) {
                // not in that kernel, or an incompatible version of it: plain text output stays
            }
        }
    }

    /** True the first time a renderer is seen; later calls with the same renderer are false. */
    static boolean firstTime(Object renderer) {
        return registered.add(renderer);
    }

    private static List<ClassLoader> loaders() {
        ClassLoader own = KernelDisplay.class.getClassLoader();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context == null || context == own) {
            return own == null ? List.of() : List.of(own);
        }
        return own == null ? List.of(context) : List.of(own, context);
    }

    /** {@code kernelClass.kernelGetter().getRenderer()}, or null if that kernel isn't running here. */
    private static Object kernelRenderer(String kernelClass, String kernelGetter, ClassLoader loader)
            throws ReflectiveOperationException {
        Class<?> main;
        try {
            main = Class.forName(kernelClass, false, loader);
        } catch (ClassNotFoundException e) {
            return null;
        }
        Object kernel = main.getMethod(kernelGetter).invoke(null);
        if (kernel == null) {
            return null;
        }
        Method getRenderer = kernel.getClass().getMethod("getRenderer");
        return getRenderer.invoke(kernel);
    }
}
