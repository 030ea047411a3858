package dev.interviewagent.it.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** Just enough of a POM, read with the JDK's XML parser: what the checks on the BOM and the modules need. */
record Pom(Path file, Element project) {

    /** One {@code <dependency>}: coordinates as written (a version may be absent or a property). */
    record Dependency(String groupId, String artifactId, String version, String scope, boolean optional,
                      Set<String> exclusions) {

        String key() {
            return groupId + ":" + artifactId;
        }
    }

    static Pom read(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            return new Pom(file, factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException(file + " is not a readable POM", e);
        }
    }

    /** The direct child {@code name} of the project, if present. */
    Optional<Element> child(String name) {
        return child(project, name);
    }

    /** The text of a direct child of the project, whitespace collapsed; empty if absent. */
    String text(String name) {
        return child(name).map(Pom::normalized).orElse("");
    }

    /** {@code value} with {@code ${name}} replaced by this POM's own properties (one level, as versions use them). */
    String interpolate(String value) {
        if (!value.startsWith("${") || !value.endsWith("}")) {
            return value;
        }
        String name = value.substring(2, value.length() - 1);
        return child("properties").flatMap(p -> child(p, name)).map(Pom::normalized).orElse(value);
    }

    List<String> modules() {
        return child("modules").map(m -> children(m, "module").stream().map(Pom::normalized).toList())
                .orElse(List.of());
    }

    List<Dependency> dependencies() {
        return child("dependencies").map(Pom::dependencies).orElse(List.of());
    }

    List<Dependency> managedDependencies() {
        return child("dependencyManagement").flatMap(m -> child(m, "dependencies")).map(Pom::dependencies)
                .orElse(List.of());
    }

    /** The element's text content with runs of whitespace collapsed, for comparing metadata blocks. */
    static String normalized(Element element) {
        return element.getTextContent().strip().replaceAll("\\s+", " ");
    }

    private static List<Dependency> dependencies(Element list) {
        List<Dependency> out = new ArrayList<>();
        for (Element d : children(list, "dependency")) {
            Set<String> exclusions = new TreeSet<>();
            child(d, "exclusions").ifPresent(ex -> children(ex, "exclusion").forEach(e ->
                    exclusions.add(text(e, "groupId") + ":" + text(e, "artifactId"))));
            out.add(new Dependency(text(d, "groupId"), text(d, "artifactId"), text(d, "version"), text(d, "scope"),
                    "true".equals(text(d, "optional")), exclusions));
        }
        return out;
    }

    private static String text(Element parent, String name) {
        return child(parent, name).map(Pom::normalized).orElse("");
    }

    private static Optional<Element> child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }
}
