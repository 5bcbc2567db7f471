package rnn.mnist;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for the tests. */
final class IdxFixtures {
    private IdxFixtures() {
    }

    /** An IDX file: the magic number, the big-endian sizes, then {@code data} (which may disagree with the sizes). */
    static Path write(Path file, int magic, int[] dims, int... data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            for (int d : dims) out.writeInt(d);
            for (int value : data) out.writeByte(value);
            Files.write(file, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** {@code file} gzip-compressed into {@code file.gz}, the form MNIST is usually downloaded in; returns the .gz. */
    static Path gzip(Path file) {
        Path gz = file.resolveSibling(file.getFileName() + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return gz;
    }

    /** Values 0, 1, 2, ... (mod 256). */
    static int[] counting(int n) {
        int[] values = new int[n];
        for (int i = 0; i < n; i++) values[i] = i % 256;
        return values;
    }
}
