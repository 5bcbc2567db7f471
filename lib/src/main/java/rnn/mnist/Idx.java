package rnn.mnist;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One IDX file of unsigned bytes, the format MNIST ships in: a big-endian magic number
 * {@code 0x0000 08 d} (type 0x08 = unsigned byte, d = number of dimensions), then d big-endian
 * 32-bit sizes, then exactly product(sizes) bytes of data; read as it is or gzip-compressed ({@code .gz}).
 */
public final class Idx {
    /** Magic number of a label file: unsigned bytes, 1 dimension (count). */
    public static final int LABELS_MAGIC = 0x00000801;
    /** Magic number of an image file: unsigned bytes, 3 dimensions (count, rows, columns). */
    public static final int IMAGES_MAGIC = 0x00000803;

    private final String name;
    private final int[] dims;
    private final byte[] bytes;
    private final int dataOffset;

    private Idx(String name, int[] dims, byte[] bytes, int dataOffset) {
        this.name = name;
        this.dims = dims;
        this.bytes = bytes;
        this.dataOffset = dataOffset;
    }

    /** Reads a label file (magic 0x00000801). */
    public static Idx readLabels(Path file) {
        return parse(file.toString(), read(file), LABELS_MAGIC);
    }

    /** Reads an image file (magic 0x00000803). */
    public static Idx readImages(Path file) {
        return parse(file.toString(), read(file), IMAGES_MAGIC);
    }

    /**
     * The whole file in one bulk read; a file whose name ends in {@code .gz} (MNIST's usual download form) is
     * decompressed, and its decompressed bytes are returned.
     */
    static byte[] read(Path file) {
        if (!file.getFileName().toString().endsWith(".gz")) {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new MnistDataException("cannot read " + file + ": " + e, e);
            }
        }
        try (InputStream raw = Files.newInputStream(file); InputStream in = new GZIPInputStream(raw, 1 << 16)) {
            return in.readAllBytes();
        } catch (ZipException | EOFException e) {
            throw new MnistDataException("cannot decompress " + file + " (" + e.getMessage() + "): it is not a whole"
                    + " gzip file; gunzip it by hand to see why, or delete it and " + MnistFiles.FETCH_HINT, e);
        } catch (IOException e) {
            throw new MnistDataException("cannot read " + file + ": " + e, e);
        }
    }

    /**
     * Parses the bytes of an IDX file called {@code name} (used in messages), checking that the
     * magic number is {@code expected_magic} and that the length is exactly header + product(dims).
     */
    public static Idx parse(String name, byte[] bytes, int expected_magic) {
        int n_dims = expected_magic & 0xFF;
        if (bytes.length < 4) {
            throw new MnistDataException(name + ": expected an IDX file of at least 4 bytes but it has "
                    + bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes); // big-endian by default, as IDX is
        int magic = buffer.getInt();
        if (magic != expected_magic) {
            throw new MnistDataException(String.format(
                    "%s: expected IDX magic number 0x%08X but found 0x%08X", name, expected_magic, magic));
        }
        int header = 4 + 4 * n_dims;
        if (bytes.length < header) {
            throw new MnistDataException(name + ": truncated header: expected " + header
                    + " bytes but the file has " + bytes.length);
        }
        int[] dims = new int[n_dims];
        long expected = header;
        long product = 1;
        for (int d = 0; d < n_dims; d++) {
            dims[d] = buffer.getInt();
            if (dims[d] < 0) {
                throw new MnistDataException(name + ": dimension " + d + " must be >= 0 but is " + dims[d]);
            }
            product *= dims[d];
        }
        expected += product;
        if (bytes.length != expected) {
            throw new MnistDataException(name + ": expected " + expected + " bytes (header " + header
                    + " + " + product + " data bytes for dims " + Arrays.toString(dims) + ") but the file has "
                    + bytes.length + (bytes.length < expected ? " (truncated)" : " (too long)"));
        }
        return new Idx(name, dims, bytes, header);
    }

    /** The file name given when reading, for messages. */
    public String name() {
        return name;
    }

    /** The sizes from the header, e.g. [60000, 28, 28] for the training images. */
    public int[] dims() {
        return dims.clone();
    }

    /** The first dimension: how many labels or images. */
    public int count() {
        return dims[0];
    }

    /** How many bytes one item (one label, one image) has: the product of dims after the first. */
    public int itemSize() {
        int size = 1;
        for (int d = 1; d < dims.length; d++) size *= dims[d];
        return size;
    }

    /** The {@code i}-th data byte (0-based, after the header) as an unsigned value 0..255. */
    public int unsigned(int i) {
        return bytes[dataOffset + i] & 0xFF;
    }
}
