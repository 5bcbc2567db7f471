package rnn.runner;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

/**
 * One notebook's JShell session, as IJava and JJava run it: the cell is split into snippets with
 * SourceCodeAnalysis.analyzeCompletion and evaluated in order; line magics run where they stand; the value of the
 * cell's last snippet, if an expression with a non-null value, becomes its execute_result.
 */
final class NotebookShell implements AutoCloseable {

    /** What IJava 1.3's start-up script imports, and the kernels' display functions. */
    private static final List<String> PRELUDE = List.of(
            "import java.util.*;",
            "import java.io.*;",
            "import java.math.*;",
            "import java.net.*;",
            "import java.util.concurrent.*;",
            "import java.util.prefs.*;",
            "import java.util.regex.*;",
            "String display(Object o) { return rnn.runner.KernelFunctions.display(o); }",
            "String display(Object o, String... as) { return rnn.runner.KernelFunctions.display(o, as); }",
            "void updateDisplay(String id, Object o) { rnn.runner.KernelFunctions.updateDisplay(id, o); }",
            "void updateDisplay(String id, Object o, String... as) { rnn.runner.KernelFunctions.updateDisplay(id, o, as); }",
            "rnn.runner.RenderedData render(Object o) { return rnn.runner.KernelFunctions.render(o); }",
            "rnn.runner.RenderedData render(Object o, String... as) { return rnn.runner.KernelFunctions.render(o, as); }",
            "<T> T lineMagic(String name, List<String> args) { return rnn.runner.KernelFunctions.lineMagic(name, args); }",
            "void printf(String format, Object... args) { System.out.printf(format, args); }");

    /** Where a snippet's code starts: its cell and the cell line (1-based) of its first non-blank character. */
    private record Place(int cellIndex, int firstLine) {
    }

    private final Path directory;
    private final PrintStream log;
    private final SnippetLoaderDelegate loaderDelegate;
    private final SnippetExecutionControl control;
    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final Map<String, Place> places = new HashMap<>();

    /** A session whose %classpath paths are relative to {@code directory}; warnings go to {@code log}. */
    NotebookShell(Path directory, PrintStream log) {
        this.directory = directory;
        this.log = log;
        this.loaderDelegate = new SnippetLoaderDelegate(NotebookShell.class.getClassLoader());
        this.control = new SnippetExecutionControl(loaderDelegate);
        this.shell = JShell.builder().executionEngine(control.provider(), Map.of()).out(log).err(log).build();
        this.analysis = shell.sourceCodeAnalysis();
        RunnerClasspath.entries().forEach(shell::addToClasspath);
        for (String snippet : PRELUDE) {
            for (SnippetEvent event : shell.eval(snippet)) {
                if (event.causeSnippet() == null && !event.status().isDefined()) {
                    throw new IllegalStateException("NotebookRunner: the prelude snippet " + snippet
                            + " does not compile: " + diagnostics(event.snippet(), 0));
                }
            }
        }
        control.clearResults();
    }

    /** Runs cell {@code cellIndex}; outputs go to {@code outputs}; a failure says where and why. */
    void run(int cellIndex, int executionCount, String source, CellOutputs outputs) throws CellFailure {
        ClassLoader savedLoader = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loaderDelegate.classLoader());
        KernelFunctions.runningCell(outputs, this::lineMagic);
        Object last = null;
        try (CapturedStreams ignored = new CapturedStreams(outputs)) {
            int segmentStart = 0;
            int lineStart = 0;
            while (lineStart <= source.length()) {
                int lineEnd = source.indexOf('\n', lineStart);
                lineEnd = lineEnd < 0 ? source.length() : lineEnd;
                String line = source.substring(lineStart, lineEnd);
                if (line.strip().startsWith("%")) {
                    evalCode(cellIndex, source, segmentStart, lineStart);
                    magic(line.strip(), lineNumber(source, lineStart)); // a magic has no value
                    segmentStart = lineEnd;
                }
                lineStart = lineEnd + 1;
            }
            last = evalCode(cellIndex, source, segmentStart, source.length());
        } finally {
            KernelFunctions.runningCell(null, null);
            Thread.currentThread().setContextClassLoader(savedLoader);
        }
        if (last != null) {
            outputs.result(executionCount, KernelFunctions.bundle(last));
        }
    }

    /** A magic line of a cell, e.g. {@code %classpath ../lib/target/rnn-notebooks.jar}. */
    private void magic(String line, int lineNumber) throws CellFailure {
        if (line.startsWith("%%")) {
            throw new CellFailure(lineNumber, "unsupported cell magic " + line.split("\\s+")[0],
                    "The NotebookRunner supports only the line magic %classpath.");
        }
        String name = line.substring(1).split("\\s+", 2)[0];
        try {
            lineMagic(name, ClasspathMagic.arguments(line.substring(1 + name.length())));
        } catch (IllegalArgumentException e) {
            throw new CellFailure(lineNumber, e.getMessage().lines().findFirst().orElse(""),
                    e.getMessage().lines().skip(1).collect(Collectors.joining("\n")));
        }
    }

    /**
     * Line magic {@code name} with its arguments, from a magic line or from {@code lineMagic(name, args)} in code.
     * Only classpath: as in the kernels, a path that matches nothing adds nothing (the runner says so in its log);
     * paths are relative to the notebook's folder.
     */
    private void lineMagic(String name, List<String> arguments) {
        if (!"classpath".equals(name)) {
            throw new IllegalArgumentException("unsupported line magic %" + name
                    + "\nThe NotebookRunner supports only the line magic classpath: %classpath <path or glob>... or"
                    + " lineMagic(\"classpath\", List.of(paths...)).");
        }
        for (String argument : arguments) {
            List<Path> paths = ClasspathMagic.resolve(directory, argument);
            if (paths.isEmpty()) {
                log.println("NotebookRunner: %classpath " + argument + " matches nothing under " + directory
                        + " (nothing added; classes already on the runner's class path stay usable)");
            }
            paths.forEach(path -> shell.addToClasspath(path.toString()));
        }
    }

    /** Evaluates source[from, to) snippet by snippet; the value of the last one (null if none). */
    private Object evalCode(int cellIndex, String source, int from, int to) throws CellFailure {
        String remaining = source.substring(from, to);
        int offset = from;
        Object last = null;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                return last;
            }
            int start = offset + firstCodeOffset(remaining);
            if (!info.completeness().isComplete()) {
                throw new CellFailure(lineNumber(source, start), "incomplete code (a missing ';', ')' or '}'?)",
                        remaining.strip());
            }
            String rest = info.remaining();
            int consumed = remaining.endsWith(rest) ? remaining.length() - rest.length() : remaining.length();
            String slice = remaining.substring(0, consumed);
            String snippet = info.source();
            int at = slice.indexOf(snippet);
            if (at < 0) { // analyzeCompletion added the ';' that ends the snippet
                at = slice.indexOf(snippet.replaceAll(";\\s*$", ""));
            }
            // positions JShell reports are relative to the snippet's source, which starts at sourceLine
            int sourceLine = at >= 0 ? lineNumber(source, offset + at) : lineNumber(source, start);
            last = evalSnippet(cellIndex, snippet, sourceLine, lineNumber(source, start));
            offset += consumed;
            remaining = remaining.substring(consumed);
        }
    }

    /**
     * Evaluates one snippet whose source starts at cell line {@code firstLine} and whose code (after leading blank
     * lines) at {@code codeLine}; the snippet's value if it is an expression, else null.
     */
    private Object evalSnippet(int cellIndex, String snippetSource, int firstLine, int codeLine) throws CellFailure {
        List<SnippetEvent> events = shell.eval(snippetSource);
        Object value = null;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() == null) {
                // stack frames count lines from the snippet's first non-blank character
                places.put(event.snippet().id(), new Place(cellIndex, codeLine));
            }
            String key = event.value();
            if (key == null) {
                continue;
            }
            Snippet.SubKind kind = event.snippet().subKind();
            Object result = kind.isExecutable() ? control.takeResult(key) : key;
            value = switch (kind) {
                case VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND, TEMP_VAR_EXPRESSION_SUBKIND -> result;
                default -> null;
            };
        }
        control.clearResults();
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            if (event.exception() != null) {
                throw thrown(cellIndex, codeLine, event.exception());
            }
            if (!event.status().isDefined()) {
                throw notCompiled(event.snippet(), firstLine, codeLine);
            }
        }
        return value;
    }

    private CellFailure notCompiled(Snippet snippet, int firstLine, int codeLine) {
        List<Diag> errors = shell.diagnostics(snippet).filter(Diag::isError).toList();
        if (errors.isEmpty() && snippet instanceof DeclarationSnippet declaration) {
            String missing = shell.unresolvedDependencies(declaration).collect(Collectors.joining(", "));
            return new CellFailure(codeLine, "compile error: unresolved " + missing,
                    "The declaration uses " + missing + ", which no cell has defined.");
        }
        int line = codeLine;
        if (!errors.isEmpty() && errors.get(0).getStartPosition() >= 0) {
            line = lineNumber(snippet.source(), (int) errors.get(0).getStartPosition()) + firstLine - 1;
        }
        String problem = errors.isEmpty() ? "compile error" : "compile error: "
                + errors.get(0).getMessage(Locale.ROOT).lines().findFirst().orElse("");
        return new CellFailure(line, problem, diagnostics(snippet, firstLine));
    }

    private String diagnostics(Snippet snippet, int firstLine) {
        return shell.diagnostics(snippet).filter(Diag::isError).map(d -> {
            String where = d.getStartPosition() >= 0
                    ? "line " + (lineNumber(snippet.source(), (int) d.getStartPosition()) + firstLine - 1) + ": "
                    : "";
            return "  " + where + d.getMessage(Locale.ROOT).replace("\n", "\n    ");
        }).collect(Collectors.joining("\n"));
    }

    private CellFailure thrown(int cellIndex, int codeLine, JShellException exception) {
        if (exception instanceof UnresolvedReferenceException unresolved) {
            String missing = shell.unresolvedDependencies(unresolved.getSnippet()).collect(Collectors.joining(", "));
            return new CellFailure(codeLine, "unresolved reference: " + unresolved.getSnippet().source().strip()
                    .lines().findFirst().orElse("") + " uses " + missing + ", which no cell has defined", "");
        }
        int line = codeLine;
        for (StackTraceElement frame : exception.getStackTrace()) {
            Place place = placeOf(frame);
            if (place != null && place.cellIndex() == cellIndex) {
                line = place.firstLine() + frame.getLineNumber() - 1;
                break;
            }
        }
        StringBuilder trace = new StringBuilder();
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t != exception) {
                trace.append("Caused by: ").append(describe(t)).append('\n');
            }
            for (StackTraceElement frame : t.getStackTrace()) {
                String className = frame.getClassName();
                if (className.startsWith("jdk.internal.reflect.") || className.startsWith("java.lang.reflect.")
                        || className.startsWith("jdk.jshell.") || className.startsWith("rnn.runner.")) {
                    break; // the runner's own frames below the snippet
                }
                trace.append("  at ").append(frame(frame)).append('\n');
            }
        }
        return new CellFailure(line, describe(exception), trace.toString());
    }

    /** "class: message" of a thrown exception, with its real class rather than JShell's EvalException. */
    private static String describe(Throwable t) {
        String className = t instanceof EvalException eval ? eval.getExceptionClassName() : t.getClass().getName();
        return t.getMessage() == null ? className : className + ": " + t.getMessage();
    }

    private String frame(StackTraceElement frame) {
        Place place = placeOf(frame);
        if (place == null) {
            return frame.toString();
        }
        String name = frame.getMethodName();
        String method = name.isEmpty() || name.startsWith("do_it$") ? "cell code" : name;
        return method + " (cell[" + place.cellIndex() + "] line " + (place.firstLine() + frame.getLineNumber() - 1)
                + ")";
    }

    /** The snippet a stack frame runs in: JShell names a snippet's source file "#<snippet id>". */
    private Place placeOf(StackTraceElement frame) {
        String file = frame.getFileName();
        return file != null && file.startsWith("#") ? places.get(file.substring(1)) : null;
    }

    private static int firstCodeOffset(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** 1-based line of {@code offset} in {@code text}. */
    private static int lineNumber(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            line += text.charAt(i) == '\n' ? 1 : 0;
        }
        return line;
    }

    @Override
    public void close() {
        shell.close();
    }
}
