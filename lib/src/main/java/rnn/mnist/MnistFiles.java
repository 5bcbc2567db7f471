package rnn.mnist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Where the four original MNIST IDX files live and what they must hash to. {@code ./build.sh data}
 * (or a full {@code ./build.sh}) puts them, uncompressed, in {@code data/mnist/} of the repository;
 * the {@code MNIST_DIR} environment variable points elsewhere. Where a file is missing but its gzipped form
 * ({@code train-images-idx3-ubyte.gz}, as MNIST is usually downloaded) is there, that is read instead, and its
 * decompressed bytes must have the same SHA-256.
 */
public final class MnistFiles {
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    /** One expected file: its name and the SHA-256 of its contents, lower-case hex. */
    public record Entry(String name, String sha256) {
    }

    public static final List<Entry> FILES = List.of(
            new Entry(TRAIN_IMAGES, "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
            new Entry(TRAIN_LABELS, "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
            new Entry(TEST_IMAGES, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
            new Entry(TEST_LABELS, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"));

    /** The suffix of a gzipped file, read as well as the uncompressed one. */
    static final String GZ = ".gz";

    static final String FETCH_HINT = "run ./build.sh data (or ./build.sh) to fetch MNIST, or set MNIST_DIR";

    private MnistFiles() {
    }

    /**
     * The MNIST folder: {@code $MNIST_DIR} if set, otherwise the first {@code data/mnist} folder
     * found searching upward from the working directory (so the CLI at the repository root and a
     * notebook in {@code notebooks/} both find it).
     */
    public static Path directory() {
        String env = System.getenv("MNIST_DIR");
        if (env != null && !env.isBlank()) {
            Path dir = Path.of(env).toAbsolutePath();
            if (!Files.isDirectory(dir)) {
                throw new MnistDataException("MNIST_DIR is " + env + " but that is not a directory; set it to the"
                        + " folder of the four MNIST files, or unset it to use data/mnist");
            }
            return dir;
        }
        return findUpward(Path.of(System.getProperty("user.dir")));
    }

    /** The first {@code data/mnist} folder in {@code start} or one of its parents. */
    static Path findUpward(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("data").resolve("mnist");
            if (Files.isDirectory(candidate)) return candidate;
        }
        throw new MnistDataException("no data/mnist folder in " + start.toAbsolutePath()
                + " or any parent; " + FETCH_HINT);
    }

    /** The expected file called {@code name}, one of the four constants above. */
    public static Entry entry(String name) {
        for (Entry entry : FILES) {
            if (entry.name().equals(name)) return entry;
        }
        throw new IllegalArgumentException("expected one of " + FILES.stream().map(Entry::name).toList()
                + " but got " + name);
    }

    /** Checks that the four files are in {@code dir} (each as it is or gzipped) with their expected SHA-256. */
    public static void verify(Path dir) {
        for (Entry entry : FILES) {
            read(entry, dir);
        }
    }

    /**
     * The contents of {@code entry}'s file in {@code dir}, checked against its SHA-256: the file itself, or where
     * only {@code name.gz} is there (the form MNIST is usually downloaded in), its decompressed bytes.
     */
    static byte[] read(Entry entry, Path dir) {
        Path file = existing(dir, entry.name());
        byte[] contents = Idx.read(file);
        check(entry, dir, file.getFileName().toString(), contents);
        return contents;
    }

    /** The file {@code name} in {@code dir}, else {@code name.gz}, or an error naming both and what to run. */
    static Path existing(Path dir, String name) {
        Path file = dir.resolve(name);
        if (Files.isRegularFile(file)) return file;
        Path gzipped = dir.resolve(name + GZ);
        if (Files.isRegularFile(gzipped)) return gzipped;
        throw new MnistDataException("MNIST file " + name + " is missing from " + dir.toAbsolutePath()
                + " (neither " + name + " nor " + name + GZ + " is there); " + FETCH_HINT);
    }

    /** Checks {@code contents}, read from {@code dir}, against the expected SHA-256 of {@code entry}. */
    static void check(Entry entry, Path dir, byte[] contents) {
        check(entry, dir, entry.name(), contents);
    }

    /** The same, naming the file {@code file} was read from ({@code name.gz}: its decompressed contents). */
    private static void check(Entry entry, Path dir, String file, byte[] contents) {
        String actual = sha256(contents);
        if (!actual.equals(entry.sha256())) {
            String what = file.endsWith(GZ) ? file + " (decompressed)" : file;
            throw new MnistDataException("MNIST file " + what + " in " + dir.toAbsolutePath()
                    + " is corrupt or incomplete: expected SHA-256 " + entry.sha256() + " but it is " + actual
                    + " (" + contents.length + " bytes); delete it and " + FETCH_HINT);
        }
    }

    static String sha256(byte[] contents) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(contents));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
