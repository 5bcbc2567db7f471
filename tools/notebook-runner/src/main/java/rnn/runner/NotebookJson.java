package rnn.runner;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads and writes .ipynb files the way Jupyter does (nbformat: {@code json.dumps(nb, sort_keys=True, indent=1,
 * ensure_ascii=False)} and a trailing newline; multi-line strings as lists of lines), so a notebook written here
 * and one saved by Jupyter differ only where their content does.
 */
final class NotebookJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NotebookJson() {
    }

    static ObjectNode read(Path notebook) throws IOException {
        JsonNode root = MAPPER.readTree(notebook.toFile());
        if (!(root instanceof ObjectNode object) || !root.path("cells").isArray()) {
            throw new IOException(notebook + ": expected a Jupyter notebook (a JSON object with \"cells\"), got "
                    + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase()));
        }
        return object;
    }

    /** A cell's "source" (a string or a list of lines) as one string. */
    static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        StringBuilder text = new StringBuilder();
        node.forEach(line -> text.append(line.asText()));
        return text.toString();
    }

    /** {@code text} as nbformat stores multi-line strings: lines that keep their ends (Python's splitlines(True)). */
    static ArrayNode lines(String text) {
        ArrayNode lines = JsonNodeFactory.instance.arrayNode();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end = -1;
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                end = i + 2;
            } else if (isLineBoundary(c)) {
                end = i + 1;
            }
            if (end > 0) {
                lines.add(text.substring(start, end));
                start = end;
                i = end;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** The characters Python's str.splitlines breaks at. */
    private static boolean isLineBoundary(char c) {
        return c == '\n' || c == '\r' || c == '\u000b' || c == '\u000c' || c == '\u001c' || c == '\u001d'
                || c == '\u001e' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /**
     * A MIME bundle as nbformat stores it: a JSON type ({@code application/json}, {@code application/...+json})
     * as the JSON value itself (an object, not a string), text types and SVG as lists of lines, other types
     * (base64 images) as strings.
     */
    static ObjectNode mimeBundle(Map<String, Object> data) {
        ObjectNode bundle = JsonNodeFactory.instance.objectNode();
        data.forEach((mime, value) -> {
            if (isJson(mime) && !(value instanceof String)) {
                bundle.set(mime, MAPPER.valueToTree(value));
            } else if (!(value instanceof String text)) {
                throw new IllegalArgumentException("expected a string for MIME type " + mime + ", got "
                        + (value == null ? "null" : value.getClass().getName()));
            } else if (isJson(mime)) {
                try {
                    bundle.set(mime, MAPPER.readTree(text)); // JSON sent as its text: stored as the value
                } catch (IOException e) {
                    throw new IllegalArgumentException("the " + mime + " output is not JSON: " + e.getMessage(), e);
                }
            } else if (mime.startsWith("text/") || mime.equals("image/svg+xml") || mime.equals("application/javascript")) {
                bundle.set(mime, lines(text));
            } else {
                bundle.put(mime, text);
            }
        });
        return bundle;
    }

    /** application/json and the types with a +json suffix, which nbformat stores as JSON values. */
    static boolean isJson(String mime) {
        return mime.equals("application/json") || (mime.startsWith("application/") && mime.endsWith("+json"));
    }

    /** Writes {@code notebook} to a temporary file beside {@code target}, then moves it over {@code target}. */
    static void write(JsonNode notebook, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".partial");
        try {
            Files.writeString(temporary, toJson(notebook) + "\n", StandardCharsets.UTF_8);
            if (Files.exists(absolute) && Files.getFileAttributeView(absolute, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(absolute)); // keep the mode
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** JSON text as Python's json.dumps(value, sort_keys=True, indent=1, ensure_ascii=False) writes it. */
    static String toJson(JsonNode value) {
        StringBuilder out = new StringBuilder();
        append(out, value, 0);
        return out.toString();
    }

    private static void append(StringBuilder out, JsonNode value, int depth) {
        if (value.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                sorted.put(field.getKey(), field.getValue());
            }
            if (sorted.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            String separator = "\n";
            for (Map.Entry<String, JsonNode> field : sorted.entrySet()) {
                out.append(separator).append(" ".repeat(depth + 1));
                appendString(out, field.getKey());
                out.append(": ");
                append(out, field.getValue(), depth + 1);
                separator = ",\n";
            }
            out.append('\n').append(" ".repeat(depth)).append('}');
        } else if (value.isArray()) {
            if (value.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            String separator = "\n";
            for (JsonNode element : value) {
                out.append(separator).append(" ".repeat(depth + 1));
                append(out, element, depth + 1);
                separator = ",\n";
            }
            out.append('\n').append(" ".repeat(depth)).append(']');
        } else if (value.isTextual()) {
            appendString(out, value.textValue());
        } else if (value.isIntegralNumber()) {
            out.append(value.bigIntegerValue());
        } else if (value.isNumber()) {
            out.append(pythonFloat(value.doubleValue()));
        } else if (value.isBoolean()) {
            out.append(value.booleanValue() ? "true" : "false");
        } else {
            out.append("null");
        }
    }

    /** A string literal with Python's escapes: quote, backslash, named controls, other controls as \\u00xx. */
    private static void appendString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A float as Python's repr writes it: exponent form below 1e-4 and from 1e16, else plain with a ".0". */
    static String pythonFloat(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        int exponent = exact.precision() - exact.scale() - 1;
        if (exponent < -4 || exponent >= 16) {
            String digits = exact.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (value < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + String.format("%02d", Math.abs(exponent));
        }
        String plain = exact.toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    /** Reads every code cell's source, in order, with its index in "cells" (markdown cells are skipped). */
    static List<Map.Entry<Integer, String>> codeCells(ObjectNode notebook) {
        List<Map.Entry<Integer, String>> cells = new ArrayList<>();
        JsonNode all = notebook.path("cells");
        for (int i = 0; i < all.size(); i++) {
            JsonNode cell = all.get(i);
            if ("code".equals(cell.path("cell_type").asText())) {
                cells.add(Map.entry(i, text(cell.get("source"))));
            }
        }
        return cells;
    }
}
