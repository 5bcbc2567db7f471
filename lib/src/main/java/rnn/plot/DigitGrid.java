package rnn.plot;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

import javax.imageio.ImageIO;

import rnn.display.KernelDisplay;
import rnn.display.RichDisplay;

/**
 * A few MNIST digits with the label the model predicted and, when known, the true label. A wrong prediction is
 * drawn in red.
 */
public final class DigitGrid implements RichDisplay {

    static {
        KernelDisplay.install();
    }

    /** An MNIST image is 28 x 28 pixels, row after row. */
    public static final int SIDE = 28;
    private static final int PIXELS = SIDE * SIDE;

    private static final int COLUMNS = 10;
    private static final int SCALE = 3;
    private static final int CELL_WIDTH = SIDE * SCALE + 16;
    private static final int CELL_HEIGHT = SIDE * SCALE + 44;
    private static final String WRONG = "#d62728";

    /** Shades from paper to ink for the text rendering. */
    private static final String SHADES = " .:-=+*#%@";

    private final float[][] images;
    private final int[] predicted;
    private final int[] truth;

    private DigitGrid(float[][] images, int[] predicted, int[] truth) {
        this.images = images;
        this.predicted = predicted;
        this.truth = truth;
    }

    /**
     * Digits {@code images28x28flat[i]} (784 intensities in [0, 1], 0 is paper) with {@code predicted[i]} and
     * {@code truth[i]}; {@code truth} may be null when the true labels are unknown. The arrays are copied.
     */
    public static DigitGrid of(float[][] images28x28flat, int[] predicted, int[] truth) {
        if (images28x28flat == null || predicted == null) {
            throw new IllegalArgumentException("DigitGrid.of: expected images and predicted labels, got "
                    + (images28x28flat == null ? "images = null" : "predicted = null"));
        }
        int n = images28x28flat.length;
        if (predicted.length != n || (truth != null && truth.length != n)) {
            throw new IllegalArgumentException("DigitGrid.of: expected as many labels as images (" + n + "), got "
                    + predicted.length + " predicted" + (truth == null ? "" : " and " + truth.length + " true"));
        }
        float[][] copies = new float[n][];
        for (int i = 0; i < n; i++) {
            float[] image = images28x28flat[i];
            if (image == null || image.length != PIXELS) {
                throw new IllegalArgumentException("DigitGrid.of: image " + i + " should have 28*28 = " + PIXELS
                        + " pixels, got " + (image == null ? "null" : image.length));
            }
            for (int p = 0; p < PIXELS; p++) {
                if (!(image[p] >= 0f && image[p] <= 1f)) {
                    throw new IllegalArgumentException("DigitGrid.of: image " + i + " pixel " + p
                            + " should be an intensity in [0, 1], got " + image[p]);
                }
            }
            copies[i] = image.clone();
            checkLabel("predicted", i, predicted[i]);
            if (truth != null) {
                checkLabel("true", i, truth[i]);
            }
        }
        return new DigitGrid(copies, predicted.clone(), truth == null ? null : truth.clone());
    }

    private static void checkLabel(String kind, int i, int label) {
        if (label < 0 || label > 9) {
            throw new IllegalArgumentException("DigitGrid.of: " + kind + " label " + i + " should be a digit 0..9, got "
                    + label);
        }
    }

    public int size() {
        return images.length;
    }

    /** Number of digits whose prediction differs from the true label (0 when the truth is unknown). */
    public int wrong() {
        int wrong = 0;
        for (int i = 0; i < predicted.length; i++) {
            wrong += isWrong(i) ? 1 : 0;
        }
        return wrong;
    }

    private boolean isWrong(int i) {
        return truth != null && truth[i] != predicted[i];
    }

    /** An SVG document: each digit as a grey-scale PNG, with its labels underneath. */
    public String svg() {
        int columns = Math.max(1, Math.min(COLUMNS, images.length));
        int rows = Math.max(1, (images.length + COLUMNS - 1) / COLUMNS);
        int width = columns * CELL_WIDTH;
        int height = rows * CELL_HEIGHT;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width)
                .append(' ').append(height).append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        for (int i = 0; i < images.length; i++) {
            int left = (i % COLUMNS) * CELL_WIDTH + 8;
            int top = (i / COLUMNS) * CELL_HEIGHT + 6;
            String png = "data:image/png;base64," + Base64.getEncoder().encodeToString(png(images[i]));
            svg.append("<g class=\"digit\"><image x=\"").append(left).append("\" y=\"").append(top)
                    .append("\" width=\"").append(SIDE * SCALE).append("\" height=\"").append(SIDE * SCALE)
                    .append("\" style=\"image-rendering:pixelated\" preserveAspectRatio=\"none\" href=\"").append(png)
                    .append("\" xlink:href=\"").append(png).append("\"/>");
            int centre = left + SIDE * SCALE / 2;
            svg.append("<text x=\"").append(centre).append("\" y=\"").append(top + SIDE * SCALE + 16)
                    .append("\" text-anchor=\"middle\"").append(isWrong(i) ? " fill=\"" + WRONG + "\"" : "")
                    .append(">predicted ").append(predicted[i]).append("</text>");
            if (truth != null) {
                svg.append("<text x=\"").append(centre).append("\" y=\"").append(top + SIDE * SCALE + 32)
                        .append("\" text-anchor=\"middle\" fill=\"#666\">true ").append(truth[i]).append("</text>");
            }
            svg.append("</g>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    /** The digit as a PNG, ink dark on white paper. */
    private static byte[] png(float[] image) {
        BufferedImage picture = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = picture.getRaster();
        int[] grey = new int[PIXELS];
        for (int p = 0; p < PIXELS; p++) {
            grey[p] = 255 - Math.round(image[p] * 255f); // intensity 1 (ink) is black
        }
        raster.setPixels(0, 0, SIDE, SIDE, grey);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(picture, "png", out)) {
                throw new IllegalStateException("no PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a digit as PNG", e);
        }
        return out.toByteArray();
    }

    /** The SVG as a picture, for JupyterLab and static HTML. */
    public String html() {
        int columns = Math.max(1, Math.min(COLUMNS, images.length));
        int rows = Math.max(1, (images.length + COLUMNS - 1) / COLUMNS);
        return Svg.imgDiv("rnn-digit-grid",
                "MNIST digits with predicted labels", svg(), columns * CELL_WIDTH, rows * CELL_HEIGHT);
    }

    /** Text rendering: each digit at half resolution in ASCII shades, with "p<predicted> t<true>" and "X" when wrong. */
    @Override
    public String toString() {
        int perRow = 6;
        int half = SIDE / 2;
        StringBuilder text = new StringBuilder();
        for (int first = 0; first < images.length; first += perRow) {
            int last = Math.min(images.length, first + perRow);
            for (int r = 0; r < half; r++) {
                for (int i = first; i < last; i++) {
                    for (int c = 0; c < half; c++) {
                        text.append(shade(images[i], r, c));
                    }
                    text.append(i + 1 < last ? "  " : "");
                }
                text.append('\n');
            }
            StringBuilder labels = new StringBuilder();
            for (int i = first; i < last; i++) {
                String label = "p" + predicted[i] + (truth == null ? "" : " t" + truth[i]) + (isWrong(i) ? " X" : "");
                labels.append(label).append(" ".repeat(half - label.length())).append("  ");
            }
            text.append(labels.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    /** The shade of the 2x2 block (r, c) of the half-resolution image: mean intensity mapped onto SHADES. */
    private static char shade(float[] image, int r, int c) {
        float sum = image[(2 * r) * SIDE + 2 * c] + image[(2 * r) * SIDE + 2 * c + 1]
                + image[(2 * r + 1) * SIDE + 2 * c] + image[(2 * r + 1) * SIDE + 2 * c + 1];
        int index = Math.min(SHADES.length() - 1, Math.round(sum / 4f * (SHADES.length() - 1)));
        return SHADES.charAt(index);
    }
}
