package rnn.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class DigitGridTest {

    /** A vertical bar of full ink in columns 12..15, and one half-grey pixel at (0, 0). */
    private static float[] bar() {
        float[] image = new float[28 * 28];
        for (int r = 0; r < 28; r++) {
            for (int c = 12; c < 16; c++) {
                image[r * 28 + c] = 1f;
            }
        }
        image[0] = 0.5f;
        return image;
    }

    @Test
    void svgHoldsOnePngPerDigitInkDarkOnWhite() throws Exception {
        DigitGrid grid = DigitGrid.of(new float[][] {bar(), bar()}, new int[] {1, 7}, new int[] {1, 1});
        String svg = grid.svg();
        Matcher png = Pattern.compile("href=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(svg);
        assertTrue(png.find());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png.group(1))));
        assertEquals(28, image.getWidth());
        assertEquals(28, image.getHeight());
        assertEquals(0, image.getRaster().getSample(13, 5, 0), "ink 1.0 is black");
        assertEquals(255, image.getRaster().getSample(3, 5, 0), "paper 0.0 is white");
        assertEquals(127, image.getRaster().getSample(0, 0, 0), "0.5 is 255 - round(127.5)");
        assertEquals(4, svg.split("data:image/png", -1).length - 1, "two digits, href and xlink:href each");
        assertTrue(svg.contains(">predicted 1<") && svg.contains(">predicted 7<") && svg.contains(">true 1<"));
        assertTrue(svg.contains("fill=\"#d62728\">predicted 7<"), "the wrong prediction is red");
        assertEquals(1, grid.wrong());
        assertTrue(grid.html().contains("src=\"data:image/svg+xml;base64,"));
    }

    @Test
    void htmlPictureSurvivesJupyterLabsSanitiserAndShrinksToTheOutputArea() throws Exception {
        float[][] twelve = new float[12][];
        Arrays.fill(twelve, bar());
        DigitGrid grid = DigitGrid.of(twelve, new int[12], null);
        String html = grid.html();
        assertEquals(grid.svg(), UntrustedOutput.pictureSvg(html), "the untrusted view shows the SVG");
        Element root = UntrustedOutput.sanitised(html);
        Element img = (Element) root.getElementsByTagName("img").item(0);
        assertEquals("1000", img.getAttribute("width"), "10 columns of 100 px");
        assertEquals("256", img.getAttribute("height"), "2 rows of 128 px");
        assertEquals("100%", UntrustedOutput.style(img).get("max-width"), "wider than most output areas: shrinks");
        assertEquals("auto", UntrustedOutput.style(img).get("height"));
        Element div = (Element) root.getElementsByTagName("div").item(0);
        assertFalse(UntrustedOutput.style(div).containsKey("height") || UntrustedOutput.style(div).containsKey("width"),
                "no fixed-size box for the picture to overflow");
    }

    @Test
    void textRenderingShadesHalfResolutionDigits() {
        DigitGrid grid = DigitGrid.of(new float[][] {bar()}, new int[] {1}, null);
        String[] lines = grid.toString().split("\n");
        assertEquals(15, lines.length, "14 rows of a 14 x 14 picture, then the labels");
        assertEquals("      @@      ", lines[5]);
        assertEquals(".     @@      ", lines[0], "block (0,0) averages 0.5/4 = 0.125 of ink; 0.125 * 9 rounds to shade 1");
        assertEquals("p1", lines[14].strip());
    }

    @Test
    void rejectsBadShapesIntensitiesAndLabels() {
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> DigitGrid.of(new float[][] {new float[10]}, new int[] {1}, null));
        assertTrue(size.getMessage().contains("784") && size.getMessage().contains("10"));
        float[] bright = bar();
        bright[3] = 255f;
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> DigitGrid.of(new float[][] {bright}, new int[] {1}, null));
        assertTrue(range.getMessage().contains("[0, 1]") && range.getMessage().contains("255.0"));
        assertThrows(IllegalArgumentException.class, () -> DigitGrid.of(new float[][] {bar()}, new int[] {1, 2}, null));
        assertThrows(IllegalArgumentException.class, () -> DigitGrid.of(new float[][] {bar()}, new int[] {10}, null));
    }
}
