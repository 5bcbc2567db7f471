package rnn.plot;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** Small pieces every SVG/HTML rendering here needs: escaping, coordinates, data URIs. */
final class Svg {

    private Svg() {
    }

    /** Text made safe inside an XML/HTML element or a double-quoted attribute. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A coordinate with two decimals, '.' as separator whatever the default locale. */
    static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** A number with the given decimals, for axis tick labels. */
    static String label(double value, int decimals) {
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return text.matches("-0(\\.0*)?") ? text.substring(1) : text;
    }

    /** The SVG document as an {@code <img>}-ready data URI. */
    static String dataUri(String svg) {
        return "data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An HTML block that shows the SVG as a picture (works where scripts and inline SVG are stripped). Only markup
     * JupyterLab's sanitiser keeps for untrusted output: a div with class and style, an img with alt, width,
     * height, style and a data: src (src is not scheme-checked there), and style properties from its allow-list.
     * The picture is a block that shrinks to the width of a narrower output area, keeping its aspect ratio, and the
     * div has no fixed size: an inline img in a fixed-height box overflows it by the text descent, which gives
     * nbconvert's and JupyterLab's scrolling output areas scroll bars.
     */
    static String imgDiv(String cssClass, String alt, String svg, int width, int height) {
        return "<div class=\"" + cssClass + "\" style=\"max-width:100%\"><img alt=\""
                + escape(alt) + "\" width=\"" + width + "\" height=\"" + height
                + "\" style=\"display:block;max-width:100%;height:auto\" src=\"" + dataUri(svg) + "\"/></div>";
    }
}
