package rnn.display;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * JJava's hook (listed in META-INF/services/org.dflib.jjava.jupyter.Extension): JJava installs it when
 * {@code %classpath} adds the jar. JJava may load extensions through a class loader of their own, whose chart
 * classes are not the notebook's; so each chart class also registers itself, from the notebook's class loader,
 * with the kernel's renderer ({@code BaseKernel.notebookKernel()}) when it is first used: see
 * {@link KernelDisplay#install()}.
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
