package dev.chorusbot.serverless.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.core.Bot;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.serverless.BotFactory;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BotFactoryLoaderTest {
    @TempDir
    Path root;

    /** A factory for the loader tests. */
    public static final class First implements BotFactory {
        @Override
        public Bot create() {
            return Bot.builder().build();
        }
    }

    /** Another one. */
    public static final class Second implements BotFactory {
        @Override
        public Bot create() {
            return Bot.builder().build();
        }
    }

    /** A factory whose constructor fails, as one reading a missing variable might. */
    public static final class Failing implements BotFactory {
        /** Always fails. */
        public Failing() {
            throw new IllegalStateException("MY_BOT_TOKEN is not set");
        }

        @Override
        public Bot create() {
            return Bot.builder().build();
        }
    }

    /** A factory whose static initialiser fails, as one reading a missing variable into a constant might. */
    public static final class FailingOnLoad implements BotFactory {
        private static final String TOKEN = required("MY_BOT_TOKEN");

        @Override
        public Bot create() {
            return Bot.builder().build();
        }
    }

    /** The same, for the environment variable's path (a class initialises only once per JVM). */
    public static final class FailingOnLoadToo implements BotFactory {
        private static final String TOKEN = required("MY_BOT_TOKEN");

        @Override
        public Bot create() {
            return Bot.builder().build();
        }
    }

    static String required(String name) {
        throw new IllegalStateException(name + " is not set");
    }

    private ClassLoader withServiceFile(String... classNames) throws IOException {
        Path services = root.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(BotFactory.class.getName()), String.join("\n", classNames) + "\n");
        // Parent is the platform loader's child that sees the test classes, but not the test
        // resources' own service file: a loader rooted at the temp directory only.
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, getClass().getClassLoader()) {
            @Override
            public java.util.Enumeration<URL> getResources(String name) throws IOException {
                return name.startsWith("META-INF/services/") ? findResources(name) : super.getResources(name);
            }
        };
    }

    private static String env(String name, Map<String, String> values) {
        return values.get(name);
    }

    @Test
    void usesTheOneRegisteredFactory() throws IOException {
        BotFactory factory = BotFactoryLoader.load(withServiceFile(First.class.getName()), name -> null);

        assertThat(factory).isInstanceOf(First.class);
    }

    @Test
    void explainsHowToRegisterAFactoryWhenThereIsNone() throws IOException {
        assertThatThrownBy(() -> BotFactoryLoader.load(withServiceFile(), name -> null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("no BotFactory found: name your factory class in"
                        + " META-INF/services/dev.chorusbot.serverless.BotFactory or set the environment variable"
                        + " CHORUS_BOT_FACTORY to it");
    }

    @Test
    void listsTheFactoriesAndNamesTheVariableWhenSeveralAreRegistered() throws IOException {
        ClassLoader loader = withServiceFile(Second.class.getName(), First.class.getName());

        assertThatThrownBy(() -> BotFactoryLoader.load(loader, name -> null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("2 BotFactory classes are registered [" + First.class.getName() + ", "
                        + Second.class.getName() + "]: set the environment variable CHORUS_BOT_FACTORY to the one"
                        + " to use");
    }

    @Test
    void picksTheFactoryTheVariableNamesAmongSeveral() throws IOException {
        ClassLoader loader = withServiceFile(First.class.getName(), Second.class.getName());

        BotFactory factory = BotFactoryLoader.load(loader,
                name -> env(name, Map.of("CHORUS_BOT_FACTORY", " " + Second.class.getName() + " ")));

        assertThat(factory).isInstanceOf(Second.class);
    }

    @Test
    void createsAnUnregisteredFactoryTheVariableNames() throws IOException {
        BotFactory factory = BotFactoryLoader.load(withServiceFile(),
                name -> env(name, Map.of("CHORUS_BOT_FACTORY", First.class.getName())));

        assertThat(factory).isInstanceOf(First.class);
    }

    @Test
    void usesTheFactoryTheVariableNamesWhenAnotherJarsServiceFileNamesAMissingClass() throws IOException {
        // A library's stale registration must not block the factory the operator chose.
        ClassLoader loader = withServiceFile("com.example.Gone", First.class.getName());

        BotFactory factory = BotFactoryLoader.load(loader,
                name -> env(name, Map.of("CHORUS_BOT_FACTORY", First.class.getName())));

        assertThat(factory).isInstanceOf(First.class);
    }

    @Test
    void saysWhenTheVariableNamesAClassThatIsNotThere() throws IOException {
        ClassLoader loader = withServiceFile();

        assertThatThrownBy(() -> BotFactoryLoader.load(loader,
                        name -> env(name, Map.of("CHORUS_BOT_FACTORY", "com.example.Missing"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("CHORUS_BOT_FACTORY names com.example.Missing, which is not on the class path");
    }

    @Test
    void saysWhenTheVariableNamesAClassThatIsNotAFactory() throws IOException {
        ClassLoader loader = withServiceFile();

        assertThatThrownBy(() -> BotFactoryLoader.load(loader,
                        name -> env(name, Map.of("CHORUS_BOT_FACTORY", "java.lang.String"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("CHORUS_BOT_FACTORY names java.lang.String, which does not implement"
                        + " dev.chorusbot.serverless.BotFactory");
    }

    @Test
    void passesOnWhyAFactoryCouldNotBeCreated() throws IOException {
        ClassLoader loader = withServiceFile(Failing.class.getName());

        assertThatThrownBy(() -> BotFactoryLoader.load(loader, name -> null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("BotFactory " + Failing.class.getName() + " could not be created: MY_BOT_TOKEN is not set");
    }

    @Test
    void passesOnWhyARegisteredFactoryFailedToInitialise() throws IOException {
        ClassLoader loader = withServiceFile(FailingOnLoad.class.getName());

        assertThatThrownBy(() -> BotFactoryLoader.load(loader, name -> null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("BotFactory " + FailingOnLoad.class.getName() + " could not be created: MY_BOT_TOKEN is not set");
    }

    @Test
    void passesOnWhyTheFactoryTheVariableNamesFailedToInitialise() throws IOException {
        ClassLoader loader = withServiceFile();
        String name = FailingOnLoadToo.class.getName();

        assertThatThrownBy(() -> BotFactoryLoader.load(loader, n -> env(n, Map.of("CHORUS_BOT_FACTORY", name))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("BotFactory " + name + " could not be created: MY_BOT_TOKEN is not set");
        // A second attempt in the same JVM finds the class unusable; it still gets one sentence.
        assertThatThrownBy(() -> BotFactoryLoader.load(loader, n -> env(n, Map.of("CHORUS_BOT_FACTORY", name))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("BotFactory " + name + " could not be created: ");
    }

    @Test
    void saysWhenTheServiceFileNamesAMissingClass() throws IOException {
        ClassLoader loader = withServiceFile("com.example.Gone");

        assertThatThrownBy(() -> BotFactoryLoader.load(loader, name -> null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("META-INF/services/dev.chorusbot.serverless.BotFactory names a class that"
                        + " cannot be used as a BotFactory: ")
                .hasMessageContaining("com.example.Gone");
    }
}
