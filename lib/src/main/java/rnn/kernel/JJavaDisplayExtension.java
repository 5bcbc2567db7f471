package rnn.kernel;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * JJava's hook (listed in META-INF/services/org.dflib.jjava.jupyter.Extension): JJava installs it when
 * {@code %classpath} adds the jar, so charts render richly from the first one.
 */
public final class JJavaDisplayExtension implements Extension {

    @Override
    public void install(BaseKernel kernel) {
        Object renderer = kernel.getRenderer();
        if (KernelDisplay.firstTime(renderer)) {
            JJavaRenderers.register(renderer);
        }
    }
}
