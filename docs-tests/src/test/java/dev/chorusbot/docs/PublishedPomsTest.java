package dev.chorusbot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every published module (the modules bot-bom lists, bot-bom itself and the parent POM they name)
 * carries what Maven Central requires in its effective POM: its own name and description, and the
 * url, licenses, developers and scm it inherits from the parent. A new module needs only its
 * {@code <name>}, {@code <description>} and {@code <chorus.module.name>}; this test says which is
 * missing.
 */
class PublishedPomsTest {
    private static Path root;
    private static PublishedPoms poms;

    @BeforeAll
    static void readReactor() {
        root = Path.of(System.getProperty("chorus.root", "..")).toAbsolutePath().normalize();
        Path localRepository = Path.of(System.getProperty("chorus.localRepository",
                System.getProperty("user.home") + "/.m2/repository"));
        poms = new PublishedPoms(root, localRepository);
    }

    @Test
    void everyPublishedPomCarriesWhatMavenCentralRequires() {
        Map<String, Path> modules = poms.reactorModules();
        List<String> problems = new ArrayList<>();
        List<Path> published = new ArrayList<>(List.of(root.resolve("pom.xml"), root.resolve("bot-bom/pom.xml")));
        for (String artifactId : poms.published()) {
            if (modules.containsKey(artifactId)) {
                published.add(modules.get(artifactId));
            } else {
                problems.add("bot-bom/pom.xml lists " + artifactId + ", which no module of the parent's <modules> builds");
            }
        }
        for (Path pom : published) {
            problems.addAll(poms.centralProblems(pom));
        }

        assertThat(problems).as("Maven Central's required POM elements, in every published module").isEmpty();
        assertThat(published).as("published POMs: the parent, bot-bom and what it lists").hasSizeGreaterThan(2);
    }

    @Test
    void everyPublishedJarHasTheModuleNameOfItsRootPackage() {
        Map<String, Path> modules = poms.reactorModules();
        List<String> problems = new ArrayList<>();
        for (String artifactId : poms.published()) {
            problems.addAll(poms.moduleNameProblems(modules.get(artifactId)));
        }

        assertThat(problems).as("Automatic-Module-Name of every published jar").isEmpty();
        assertThat(poms.property(modules.get("bot-core"), "chorus.module.name")).isEqualTo("dev.chorusbot.core");
    }

    @Test
    void theReleaseProfileUploadsExactlyThePublishedModules() {
        List<String> published = poms.published();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Path> module : poms.reactorModules().entrySet()) {
            String where = root.relativize(module.getValue()).toString();
            boolean skipped = "true".equals(poms.property(module.getValue(), "chorus.publish.skip"));
            if (published.contains(module.getKey()) && skipped) {
                problems.add(where + ": bot-bom lists it, but it sets chorus.publish.skip, so a release would not upload it");
            } else if (!published.contains(module.getKey()) && !skipped && !module.getKey().equals("bot-bom")) {
                problems.add(where + ": not in bot-bom, so a release must not upload it: set"
                        + " <chorus.publish.skip>true</chorus.publish.skip> in its <properties>"
                        + " (or add it to bot-bom if it is meant to be published)");
            }
        }

        assertThat(problems).as("modules the release profile uploads").isEmpty();
    }

    @Test
    void aModuleWithoutItsOwnDescriptionIsCaught() throws Exception {
        // A module in the reactor's layout (its parent two directories up, as every module has it),
        // with a name but no description: it would inherit the parent's.
        Path module = Files.createDirectories(root.resolve("docs-tests/target/published-poms-fixture/module"));
        Path pom = module.resolve("pom.xml");
        String version = poms.raw(root.resolve("pom.xml")).getVersion();
        Files.writeString(pom, """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>dev.chorusbot</groupId>
                    <artifactId>chorus-parent</artifactId>
                    <version>%s</version>
                    <relativePath>../../../../pom.xml</relativePath>
                  </parent>
                  <artifactId>bot-state-example</artifactId>
                  <name>Chorus :: Example store</name>
                </project>
                """.formatted(version));

        List<String> problems = poms.centralProblems(pom);

        assertThat(problems).singleElement().asString()
                .contains("no <description> of its own")
                .contains("module/pom.xml");
        assertThat(poms.moduleNameProblems(pom)).singleElement().asString()
                .contains("no chorus.module.name");
    }
}
