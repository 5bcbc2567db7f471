package rnn.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What is left of an HTML output where it is not trusted: JupyterLab renders text/html of an untrusted notebook
 * through its sanitiser (sanitize-html with an allow-list, packages/apputils/src/sanitizer.ts): script elements go,
 * svg and other unlisted tags go, attributes and inline style properties not on its lists go, and only href and cite
 * are checked for their URL scheme (so an img's data: src stays). The subset checked here is the part the charts
 * and digit grids use; anything outside it fails the check rather than being guessed at.
 */
final class UntrustedOutput {

    private static final Set<String> ANY_TAG_ATTRIBUTES = Set.of("class", "id", "style", "title");
    private static final Map<String, Set<String>> TAG_ATTRIBUTES = Map.of(
            "div", Set.of("align"),
            "img", Set.of("alt", "width", "height", "src"));
    private static final String LENGTH = "[+]?([0-9]*[.])?[0-9]+(px|em|rem|ex|in|cm|mm|pt|pc)|0";
    private static final Map<String, Pattern> STYLES = Map.of(
            "width", Pattern.compile("^(" + LENGTH + "|[+]?([0-9]*[.])?[0-9]+%|auto)$"),
            "height", Pattern.compile("^(" + LENGTH + "|[+]?([0-9]*[.])?[0-9]+%|auto)$"),
            "max-width", Pattern.compile("^(" + LENGTH + "|[+]?([0-9]*[.])?[0-9]+%|none|auto)$"),
            "display", Pattern.compile("^(inline|block|inline-block|flex|grid|none)$"));

    private UntrustedOutput() {
    }

    /** The output, checked to be made only of markup the sanitiser keeps (no scripts at all), under a root element. */
    static Element sanitised(String html) throws Exception {
        assertFalse(html.contains("<script"), "no script: the sanitiser removes it, and nothing here needs one");
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(("<root>" + html + "</root>").getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        check(root);
        return root;
    }

    private static void check(Element parent) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (!(children.item(i) instanceof Element element)) {
                continue;
            }
            String tag = element.getTagName();
            Set<String> allowed = TAG_ATTRIBUTES.get(tag);
            if (allowed == null) {
                fail("<" + tag + "> is removed by the sanitiser");
            }
            NamedNodeMap attributes = element.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                Node attribute = attributes.item(a);
                String name = attribute.getNodeName();
                assertTrue(ANY_TAG_ATTRIBUTES.contains(name) || allowed.contains(name),
                        "attribute " + name + " of <" + tag + "> is removed by the sanitiser");
                if (name.equals("style")) {
                    for (String declaration : attribute.getNodeValue().split(";")) {
                        if (declaration.isBlank()) {
                            continue;
                        }
                        String[] property = declaration.split(":", 2);
                        Pattern value = STYLES.get(property[0].strip());
                        assertTrue(value != null && property.length == 2
                                        && value.matcher(property[1].strip()).matches(),
                                "style '" + declaration + "' of <" + tag + "> is removed by the sanitiser");
                    }
                }
            }
            check(element);
        }
    }

    /** The one picture of the sanitised output: its SVG, decoded from the img's data: URI. */
    static String pictureSvg(String html) throws Exception {
        NodeList images = sanitised(html).getElementsByTagName("img");
        assertEquals(1, images.getLength(), "one picture");
        String src = ((Element) images.item(0)).getAttribute("src");
        String prefix = "data:image/svg+xml;base64,";
        assertTrue(src.startsWith(prefix), src.substring(0, Math.min(40, src.length())));
        return new String(Base64.getDecoder().decode(src.substring(prefix.length())), StandardCharsets.UTF_8);
    }

    /** The style of the element as property -> value. */
    static Map<String, String> style(Element element) {
        Map<String, String> style = new LinkedHashMap<>();
        for (String declaration : element.getAttribute("style").split(";")) {
            String[] property = declaration.split(":", 2);
            if (property.length == 2) {
                style.put(property[0].strip(), property[1].strip());
            }
        }
        return style;
    }
}
