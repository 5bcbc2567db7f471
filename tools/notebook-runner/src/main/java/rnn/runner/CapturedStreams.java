package rnn.runner;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** System.out and System.err redirected into a cell's outputs while it runs (snippets run in this JVM). */
final class CapturedStreams implements AutoCloseable {

    private final PrintStream savedOut = System.out;
    private final PrintStream savedErr = System.err;
    private final PrintStream out;
    private final PrintStream err;

    CapturedStreams(CellOutputs outputs) {
        out = new PrintStream(new CellStream(outputs, "stdout"), true, StandardCharsets.UTF_8);
        err = new PrintStream(new CellStream(outputs, "stderr"), true, StandardCharsets.UTF_8);
        System.setOut(out);
        System.setErr(err);
    }

    @Override
    public void close() {
        out.flush();
        err.flush();
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private static final class CellStream extends OutputStream {
        private final CellOutputs outputs;
        private final String name;

        CellStream(CellOutputs outputs, String name) {
            this.outputs = outputs;
            this.name = name;
        }

        @Override
        public void write(int b) {
            outputs.write(name, new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            outputs.write(name, bytes, offset, length);
        }
    }
}
