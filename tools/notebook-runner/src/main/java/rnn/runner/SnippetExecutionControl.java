package rnn.runner;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs snippets in this JVM and thread and keeps each snippet's value as an object (as IJava's execution control
 * does): JShell gets a key as the value string, the runner takes the object with {@link #takeResult(String)}.
 */
final class SnippetExecutionControl extends DirectExecutionControl {

    private final Map<String, Object> results = new HashMap<>();
    private long lastKey;

    SnippetExecutionControl(SnippetLoaderDelegate loaderDelegate) {
        super(loaderDelegate);
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Object value = doitMethod.invoke(null);
        synchronized (results) {
            String key = "rnn-snippet-value-" + (++lastKey);
            results.put(key, value);
            return key;
        }
    }

    /** The value stored under {@code key}, removed; null if none. */
    Object takeResult(String key) {
        synchronized (results) {
            return results.remove(key);
        }
    }

    /** Forgets values nobody took (declarations' values). */
    void clearResults() {
        synchronized (results) {
            results.clear();
        }
    }

    /** Hands this control to JShell.builder().executionEngine(...). */
    ExecutionControlProvider provider() {
        SnippetExecutionControl control = this;
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "rnn-notebook";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        };
    }
}
