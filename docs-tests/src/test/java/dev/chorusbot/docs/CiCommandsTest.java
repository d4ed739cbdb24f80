package dev.chorusbot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's two commands run through the Maven Wrapper, so a fresh machine needs only a JDK, and
 * {@code .ci/run} runs the README's test command exactly as the README writes it.
 */
class CiCommandsTest {
    private static final Pattern SH_BLOCK = Pattern.compile("(?ms)^\\s*```sh\\n(.*?)^\\s*```");

    private static Path root;

    @BeforeAll
    static void findRoot() {
        root = Path.of(System.getProperty("chorus.root", "..")).toAbsolutePath().normalize();
    }

    @Test
    void theReadmesCommandsUseTheWrapper() throws Exception {
        List<String> commands = readmeSetUpCommands();

        assertThat(commands).as("the README's commands under 'Set up'").hasSize(2)
                .allSatisfy(command -> assertThat(command).startsWith("./mvnw "));
        assertThat(root.resolve("mvnw")).isExecutable();
        assertThat(root.resolve("mvnw.cmd")).isRegularFile();
    }

    @Test
    void ciRunsTheReadmesTestCommandAsWritten() throws Exception {
        String testCommand = readmeSetUpCommands().get(1);
        List<String> ciLines = Files.readAllLines(root.resolve(".ci/run")).stream().map(String::strip).toList();

        assertThat(ciLines).as(".ci/run runs the README's test command").contains(testCommand);
    }

    @Test
    void theWrapperPinsAChecksummedMavenDistribution() throws Exception {
        Properties wrapper = new Properties();
        try (var reader = Files.newBufferedReader(root.resolve(".mvn/wrapper/maven-wrapper.properties"))) {
            wrapper.load(reader);
        }

        assertThat(wrapper.getProperty("distributionUrl")).matches("https://repo\\.maven\\.apache\\.org/maven2/org/apache/maven/"
                + "apache-maven/3\\.\\d+\\.\\d+/apache-maven-3\\.\\d+\\.\\d+-bin\\.zip");
        assertThat(wrapper.getProperty("distributionSha256Sum")).as("distributionSha256Sum").matches("[0-9a-f]{64}");
    }

    private static List<String> readmeSetUpCommands() throws Exception {
        String readme = Files.readString(root.resolve("README.md"));
        int start = readme.indexOf("## Set up");
        int end = readme.indexOf("\n## ", start + 1);
        assertThat(start).as("a 'Set up' section in README.md").isNotNegative();
        Matcher block = SH_BLOCK.matcher(readme.substring(start, end < 0 ? readme.length() : end));
        List<String> commands = new ArrayList<>();
        while (block.find()) {
            commands.add(block.group(1).strip());
        }
        return commands;
    }
}
