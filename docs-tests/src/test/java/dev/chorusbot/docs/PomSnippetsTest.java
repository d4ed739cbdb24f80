package dev.chorusbot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Keeps the guides' Maven snippets buildable.
 *
 * <p>The first {@code ```xml} block of {@code docs/getting-started.md} (step 1) is the build part of
 * a reader's {@code pom.xml}. {@code docs/getting-started/pom.xml} is that reader's project, which
 * {@code .ci/run} builds and tests with Maven against the installed artifacts; it holds the
 * snippet's sections ({@code properties}, {@code dependencyManagement}, {@code dependencies},
 * {@code build}) element for element, plus the adapters step 4 tells the reader to add, and
 * nothing else besides its coordinates. So the snippet builds because that project builds. The
 * comparison ignores comments, white space and namespaces.
 *
 * <p>Every {@code ```xml} block of every page must also be well-formed, and each version it writes
 * out must be the one this repository uses: Chorus modules the project's version, other
 * dependencies and plugins the version the parent pom pins.
 */
class PomSnippetsTest {
    private static final Pattern XML_BLOCK = Pattern.compile("(?ms)^```xml\\n(.*?)^```");
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
    /** The dependencies step 4 of the guide adds to step 1's list. */
    private static final Set<String> ADDED_IN_STEP_4 = Set.of("dev.chorusbot:adapter-telegram", "dev.chorusbot:adapter-twitch");
    private static final Set<String> COORDINATES = Set.of("modelVersion", "groupId", "artifactId", "version", "name", "description");

    private static Path root;
    private static Element parent;
    private static Map<String, String> parentProperties;

    @BeforeAll
    static void readParent() throws Exception {
        root = Path.of(System.getProperty("chorus.root", "..")).toAbsolutePath().normalize();
        parent = parse(Files.readString(root.resolve("pom.xml")));
        parentProperties = new LinkedHashMap<>();
        for (Element property : children(child(parent, "properties"))) {
            parentProperties.put(property.getTagName(), property.getTextContent().strip());
        }
        parentProperties.put("project.version", child(parent, "version").getTextContent().strip());
    }

    @Test
    void gettingStartedStepOneIsTheGuideProjectsBuild() throws Exception {
        String guide = Files.readString(root.resolve("docs/getting-started.md"));
        Matcher block = XML_BLOCK.matcher(guide);
        assertThat(block.find()).as("an xml block in docs/getting-started.md").isTrue();
        Element snippet = parse("<project>" + block.group(1) + "</project>");
        Element project = parse(Files.readString(root.resolve("docs/getting-started/pom.xml")));

        List<String> sections = new ArrayList<>();
        for (Element section : children(snippet)) {
            sections.add(section.getTagName());
            List<String> shown = canonical(children(section));
            List<String> built = new ArrayList<>();
            for (Element element : children(child(project, section.getTagName()))) {
                if (!(section.getTagName().equals("dependencies") && ADDED_IN_STEP_4.contains(coordinates(element)))) {
                    built.add(canonical(element));
                }
            }
            assertThat(built).as("<%s> of docs/getting-started/pom.xml (without the adapters of step 4)"
                    + " against step 1 of docs/getting-started.md", section.getTagName()).isEqualTo(shown);
        }
        assertThat(sections).containsExactly("properties", "dependencyManagement", "dependencies", "build");
        for (Element element : children(project)) {
            assertThat(sections.contains(element.getTagName()) || COORDINATES.contains(element.getTagName()))
                    .as("docs/getting-started/pom.xml has <%s>, which step 1 of the guide does not show", element.getTagName())
                    .isTrue();
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (Element property : children(child(snippet, "properties"))) {
            properties.put(property.getTagName(), property.getTextContent().strip());
        }
        assertThat(properties.get("maven.compiler.release")).isEqualTo(parentProperties.get("maven.compiler.release"));
        assertThat(properties.get("chorus.version")).isEqualTo(parentProperties.get("project.version"));
    }

    @Test
    void everyXmlBlockIsWellFormedAndNamesTheVersionsThisRepositoryUses() throws IOException {
        Map<String, String> expected = pinnedVersions();
        List<String> problems = new ArrayList<>();
        int versions = 0;
        for (Path page : DocSnippetsTest.pages()) {
            String text = Files.readString(root.resolve(page));
            Matcher block = XML_BLOCK.matcher(text);
            while (block.find()) {
                int line = text.substring(0, block.start()).split("\n", -1).length;
                Element xml;
                try {
                    xml = parse("<snippet>" + block.group(1) + "</snippet>");
                } catch (Exception e) {
                    problems.add(page + ":" + line + ": the xml block is not well-formed: " + e.getMessage());
                    continue;
                }
                Map<String, String> localProperties = new LinkedHashMap<>();
                Element props = child(xml, "properties");
                if (props != null) {
                    children(props).forEach(p -> localProperties.put(p.getTagName(), p.getTextContent().strip()));
                }
                for (String tag : List.of("dependency", "plugin")) {
                    for (Element element : descendants(xml, tag)) {
                        Element version = child(element, "version");
                        if (version == null) {
                            continue;
                        }
                        String coordinates = coordinates(element);
                        String shown = resolve(version.getTextContent().strip(), localProperties);
                        String wanted = coordinates.startsWith("dev.chorusbot:") ? parentProperties.get("project.version")
                                : coordinates.startsWith("org.junit.") ? parentProperties.get("junit.version")
                                : expected.get(coordinates);
                        versions++;
                        if (wanted == null) {
                            problems.add(page + ":" + line + ": " + coordinates + " " + shown
                                    + " is not a version the parent pom pins; pin it there or drop the version");
                        } else if (!wanted.equals(shown)) {
                            problems.add(page + ":" + line + ": " + coordinates + " is shown as " + shown
                                    + ", the build uses " + wanted);
                        }
                    }
                }
            }
        }
        assertThat(problems).withFailMessage(() -> String.join("\n", problems)).isEmpty();
        assertThat(versions).as("versions checked").isGreaterThan(5);
    }

    /** groupId:artifactId to version, from the parent pom's dependency and plugin management. */
    private static Map<String, String> pinnedVersions() {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String tag : List.of("dependency", "plugin")) {
            for (Element element : descendants(parent, tag)) {
                Element version = child(element, "version");
                if (version != null) {
                    versions.put(coordinates(element), resolve(version.getTextContent().strip(), Map.of()));
                }
            }
        }
        return versions;
    }

    private static String resolve(String value, Map<String, String> local) {
        Matcher property = PROPERTY.matcher(value);
        StringBuilder out = new StringBuilder();
        while (property.find()) {
            String name = property.group(1);
            String resolved = local.getOrDefault(name, parentProperties.get(name));
            property.appendReplacement(out, Matcher.quoteReplacement(resolved != null ? resolved : property.group()));
        }
        property.appendTail(out);
        return out.toString();
    }

    private static String coordinates(Element element) {
        Element group = child(element, "groupId");
        Element artifact = child(element, "artifactId");
        return (group == null ? "org.apache.maven.plugins" : group.getTextContent().strip()) + ":"
                + (artifact == null ? "?" : artifact.getTextContent().strip());
    }

    /** An element as one line: its name, its text, its children in order; no comments or white space. */
    private static String canonical(Element element) {
        List<Element> children = children(element);
        if (children.isEmpty()) {
            return "<" + element.getTagName() + ">" + element.getTextContent().strip() + "</" + element.getTagName() + ">";
        }
        return "<" + element.getTagName() + ">" + String.join("", canonical(children)) + "</" + element.getTagName() + ">";
    }

    private static List<String> canonical(List<Element> elements) {
        return elements.stream().map(PomSnippetsTest::canonical).toList();
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml.replaceFirst("^<\\?xml[^>]*\\?>", ""))));
        return document.getDocumentElement();
    }

    private static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        if (element == null) {
            return children;
        }
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                children.add(child);
            }
        }
        return children;
    }

    private static Element child(Element element, String name) {
        return children(element).stream().filter(c -> c.getTagName().equals(name)).findFirst().orElse(null);
    }

    private static List<Element> descendants(Element element, String name) {
        List<Element> found = new ArrayList<>();
        for (Element child : children(element)) {
            if (child.getTagName().equals(name)) {
                found.add(child);
            }
            found.addAll(descendants(child, name));
        }
        return found;
    }
}
