package rnn.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Runs a notebook's code cells top to bottom in a fresh JShell, in this JVM, as IJava and JJava would.
 *
 * <pre>
 * java -cp rnn-notebooks.jar:notebook-runner.jar rnn.runner.NotebookRunner --check a.ipynb ...   # run, fail on any error
 * java -cp rnn-notebooks.jar:notebook-runner.jar rnn.runner.NotebookRunner --write a.ipynb ...   # run, store outputs in the notebook
 * </pre>
 *
 * The jar must be on the runner's class path (snippets share the runner's classes); a notebook's
 * {@code %classpath} of the same jar is then harmless. Environment variables pass through to the cells.
 */
public final class NotebookRunner {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private NotebookRunner() {
    }

    /** Runs every code cell of {@code notebook}; warnings go to System.err. */
    public static List<CellResult> execute(Path notebook) {
        return execute(notebook, System.err);
    }

    /**
     * Runs every code cell of {@code notebook} in a fresh session and returns what each produced, in order.
     *
     * @throws NotebookCellException at the first cell that fails (later cells don't run)
     * @throws UncheckedIOException  if the notebook can't be read
     */
    public static List<CellResult> execute(Path notebook, PrintStream log) {
        return run(read(notebook), notebook, log);
    }

    /**
     * Runs {@code notebook} with the sources of some cells replaced, {@code sources} mapping a cell's index to its
     * new source (the tests put each exercise's solution in place of its answer cell); the file is not changed.
     */
    public static List<CellResult> execute(Path notebook, Map<Integer, String> sources, PrintStream log) {
        ObjectNode document = read(notebook);
        ArrayNode cells = (ArrayNode) document.get("cells");
        for (Map.Entry<Integer, String> replaced : sources.entrySet()) {
            int index = replaced.getKey();
            if (index < 0 || index >= cells.size()) {
                throw new IllegalArgumentException(notebook + " has cells 0 to " + (cells.size() - 1)
                        + ", so it has no cell " + index + " to replace");
            }
            ((ObjectNode) cells.get(index)).set("source", NotebookJson.lines(replaced.getValue()));
        }
        return run(document, notebook, log);
    }

    /** Runs {@code notebook} and, if every cell succeeds, writes the outputs back into it; a failure writes nothing. */
    public static List<CellResult> write(Path notebook, PrintStream log) {
        ObjectNode document = read(notebook);
        List<CellResult> results = run(document, notebook, log);
        ArrayNode cells = (ArrayNode) document.get("cells");
        for (CellResult result : results) {
            ObjectNode cell = (ObjectNode) cells.get(result.cellIndex());
            if (result.executionCount() > 0) {
                cell.put("execution_count", result.executionCount());
            } else {
                cell.putNull("execution_count");
            }
            cell.set("outputs", outputs(result.outputs()));
        }
        try {
            NotebookJson.write(document, notebook);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + notebook, e);
        }
        return results;
    }

    private static ObjectNode read(Path notebook) {
        try {
            return NotebookJson.read(notebook);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read notebook " + notebook + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs the code cells in a fresh session. As a kernel started by Jupyter runs in the notebook's folder, the
     * {@code user.dir} property is that folder while the notebook runs (the runner cannot change its process's
     * working directory, against which a relative {@code File} still resolves).
     */
    private static List<CellResult> run(ObjectNode document, Path notebook, PrintStream log) {
        Path directory = notebook.toAbsolutePath().getParent();
        record Ran(int cellIndex, int executionCount, String source, CellOutputs outputs) {
        }
        List<Ran> ran = new ArrayList<>();
        String userDir = System.getProperty("user.dir");
        System.setProperty("user.dir", directory.toString());
        KernelFunctions.newNotebook();
        try (NotebookShell shell = new NotebookShell(directory, log)) {
            int executionCount = 0;
            for (Map.Entry<Integer, String> cell : NotebookJson.codeCells(document)) {
                String source = cell.getValue();
                CellOutputs outputs = new CellOutputs();
                if (source.isBlank()) { // Jupyter doesn't execute an empty cell
                    ran.add(new Ran(cell.getKey(), 0, source, outputs));
                    continue;
                }
                executionCount++;
                try {
                    shell.run(cell.getKey(), executionCount, source, outputs);
                } catch (CellFailure failure) {
                    CellResult partial = new CellResult(cell.getKey(), executionCount, source, outputs.toList());
                    throw new NotebookCellException(notebook, partial, failure.line, failure.problem, failure.detail);
                }
                ran.add(new Ran(cell.getKey(), executionCount, source, outputs));
            }
        } finally {
            KernelFunctions.newNotebook();
            System.setProperty("user.dir", userDir);
        }
        // a later cell may have updated an earlier cell's display: outputs are read once every cell has run
        return ran.stream().map(r -> new CellResult(r.cellIndex(), r.executionCount(), r.source(), r.outputs().toList()))
                .toList();
    }

    /** The outputs as nbformat 4 JSON. */
    static ArrayNode outputs(List<CellOutput> outputs) {
        ArrayNode array = JSON.arrayNode();
        for (CellOutput output : outputs) {
            ObjectNode json = array.addObject();
            if (output instanceof CellOutput.Stream stream) {
                json.put("output_type", "stream");
                json.put("name", stream.name());
                json.set("text", NotebookJson.lines(overwritten(stream.text())));
            } else if (output instanceof CellOutput.ExecuteResult result) {
                json.put("output_type", "execute_result");
                json.put("execution_count", result.executionCount());
                json.set("data", NotebookJson.mimeBundle(result.data()));
                json.set("metadata", JSON.objectNode());
            } else if (output instanceof CellOutput.DisplayData display) {
                json.put("output_type", "display_data");
                json.set("data", NotebookJson.mimeBundle(display.data()));
                json.set("metadata", JSON.objectNode());
            }
        }
        return array;
    }

    /** Text a carriage return overwrote: everything on a line up to its last \r that more text follows. */
    private static final java.util.regex.Pattern OVERWRITTEN = java.util.regex.Pattern.compile("(?md)^.*\r(?=[^\n])");

    /**
     * Stream text as a Jupyter front end shows it and as nbconvert stores it: a progress bar redrawn with
     * {@code \r} keeps only its last frame, so a notebook written here equals one executed by the kernel.
     */
    static String overwritten(String text) {
        return text.indexOf('\r') < 0 ? text : OVERWRITTEN.matcher(text).replaceAll("");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** The command line; returns the exit status: 0 all ran, 1 a cell failed, 2 bad usage or unreadable file. */
    static int run(String[] args) {
        if (args.length < 2 || !(args[0].equals("--check") || args[0].equals("--write"))) {
            System.err.println("usage: java -cp rnn-notebooks.jar:notebook-runner.jar rnn.runner.NotebookRunner --check|--write NOTEBOOK.ipynb...\n"
                    + "  --check  run every code cell, fail (exit 1) at the first error; the notebook is not changed\n"
                    + "  --write  run every code cell and write the outputs back into the notebook");
            return 2;
        }
        boolean write = args[0].equals("--write");
        PrintStream log = System.err;
        for (int i = 1; i < args.length; i++) {
            Path notebook = Path.of(args[i]);
            if (!Files.isRegularFile(notebook)) {
                log.println("NotebookRunner: expected a notebook file, got " + notebook + " (no such file)");
                return 2;
            }
            long started = System.nanoTime();
            try {
                List<CellResult> results = write ? write(notebook, log) : execute(notebook, log);
                log.printf("NotebookRunner: %s: %d code cells ran in %.1f s%s%n", notebook,
                        results.stream().filter(r -> r.executionCount() > 0).count(),
                        (System.nanoTime() - started) / 1e9, write ? ", outputs written" : "");
            } catch (NotebookCellException e) {
                CellResult partial = e.partial();
                if (!partial.stdout().isEmpty() || !partial.stderr().isEmpty()) {
                    log.println("--- what the failing cell printed ---");
                    log.print(partial.stdout());
                    log.print(partial.stderr());
                    log.println("---");
                }
                log.println("NotebookRunner: FAILED " + e.getMessage());
                if (write) {
                    log.println("NotebookRunner: " + notebook + " was not changed");
                }
                return 1;
            } catch (UncheckedIOException e) {
                log.println("NotebookRunner: " + e.getMessage());
                return 2;
            }
        }
        return 0;
    }
}
