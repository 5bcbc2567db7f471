package rnn.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

/**
 * The jar the notebooks load, as built: it carries the project's terms and the notices of the code it
 * redistributes (META-INF/LICENSE and META-INF/NOTICE, the repository's own files, not a dependency's), and no
 * plotly.js (front ends draw plotly's figure JSON with their own).
 */
class NotebookJarTest {
    private static final Path ROOT = Path.of("..", "..");
    private static final Path JAR = ROOT.resolve("lib/target/rnn-notebooks.jar");

    @Test
    void theJarCarriesTheRepositorysLicenceAndNotice() throws IOException {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: run ./build.sh (or mvn package) first");
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertEquals(Files.readString(ROOT.resolve("LICENSE")), text(jar, "META-INF/LICENSE"));
            assertEquals(Files.readString(ROOT.resolve("NOTICE")), text(jar, "META-INF/NOTICE"));
            assertNull(jar.getEntry("rnn/plot/plotly-basic.min.js"), "no plotly.js in the jar");
        }
    }

    private static String text(JarFile jar, String name) throws IOException {
        ZipEntry entry = jar.getEntry(name);
        assertNotNull(entry, name + " in " + JAR);
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
