package dev.chorusbot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chorus on the module path, as a user with a {@code module-info.java} has it: the published jars'
 * {@code Automatic-Module-Name}s are what {@code chorus.module.name} says, and a small module that
 * requires {@code dev.chorusbot.core} and {@code dev.chorusbot.telegram} compiles and runs, its
 * Telegram adapter found through core's {@code AdapterProvider} service.
 *
 * <p>An integration test (failsafe, after {@code package}): it needs the jars, whose manifests carry
 * the module names, where a plain test would see {@code target/classes}.
 */
class JpmsConsumerIT {
    /** The jars a consumer of core and Telegram puts on its module path, by artifactId prefix. */
    private static final List<String> TELEGRAM_CLOSURE = List.of("bot-core-", "bot-json-", "adapter-telegram-",
            "slf4j-api-", "jackson-core-", "jackson-databind-", "jackson-annotations-");

    private static Path root;
    private static PublishedPoms poms;
    private static Map<String, Path> classPathJars;

    @BeforeAll
    static void readClassPath() {
        root = Path.of(System.getProperty("chorus.root", "..")).toAbsolutePath().normalize();
        poms = new PublishedPoms(root, Path.of(System.getProperty("chorus.localRepository",
                System.getProperty("user.home") + "/.m2/repository")));
        classPathJars = new LinkedHashMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (entry.endsWith(".jar")) {
                classPathJars.put(path.getFileName().toString(), path);
            }
        }
    }

    @Test
    void everyPublishedJarOnTheClassPathCarriesItsModuleName() {
        Map<String, Path> modules = poms.reactorModules();
        List<String> checked = new ArrayList<>();
        for (String artifactId : poms.published()) {
            Path pom = modules.get(artifactId);
            String expected = poms.property(pom, "chorus.module.name");
            Optional<Path> jar = jar(artifactId + "-");
            if (expected == null || expected.isBlank() || jar.isEmpty()) {
                continue; // a BOM, or a module docs-tests does not depend on; PublishedPomsTest covers its name
            }
            ModuleDescriptor descriptor = ModuleFinder.of(jar.get()).findAll().iterator().next().descriptor();

            assertThat(descriptor.name()).as("the module name of %s", jar.get().getFileName()).isEqualTo(expected);
            assertThat(descriptor.isAutomatic()).as("%s is an automatic module", jar.get().getFileName()).isTrue();
            checked.add(expected);
        }

        assertThat(checked).contains("dev.chorusbot.core", "dev.chorusbot.telegram", "dev.chorusbot.twitch");
    }

    @Test
    void aModuleRequiringCoreAndTelegramCompilesAndRuns(@TempDir Path work) throws Exception {
        List<Path> modulePath = TELEGRAM_CLOSURE.stream().map(prefix -> jar(prefix).orElseThrow(() ->
                new AssertionError("no " + prefix + "*.jar on the class path: " + classPathJars.keySet()))).toList();
        Path sources = work.resolve("src");
        Path classes = Files.createDirectories(work.resolve("classes"));
        write(sources.resolve("module-info.java"), """
                module chorus.consumer {
                    requires dev.chorusbot.core;
                    requires dev.chorusbot.telegram;
                    exports chorus.consumer;
                }
                """);
        write(sources.resolve("chorus/consumer/ConsumerBot.java"), """
                package chorus.consumer;

                import dev.chorusbot.core.Bot;
                import dev.chorusbot.core.Command;
                import dev.chorusbot.core.Reply;
                import dev.chorusbot.telegram.TelegramAdapter;
                import java.util.Map;

                public final class ConsumerBot {
                    private ConsumerBot() {}

                    public static String platforms() {
                        Bot bot = Bot.builder()
                                .command(Command.named("hello")
                                        .description("Say hello")
                                        .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!"))
                                        .build())
                                .prefixes(TelegramAdapter.PLATFORM, "/")
                                .fromFunctionEnv(Map.of("TELEGRAM_BOT_TOKEN", "123456:consumer-test-token"))
                                .build();
                        return bot.adapters().keySet().toString();
                    }
                }
                """);

        List<String> errors = compile(sources, classes, modulePath);
        assertThat(errors).as("javac --module-path with core and Telegram").isEmpty();

        String platforms = run(classes, modulePath);
        assertThat(platforms).as("the adapters the environment gave the consumer's bot").contains("telegram");
    }

    private static List<String> compile(Path sources, Path classes, List<Path> modulePath) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null);
                Stream<Path> walk = Files.walk(sources)) {
            List<File> java = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).toList();
            List<String> options = List.of("--release", "17", "-d", classes.toString(),
                    "--module-path", modulePath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
            Boolean ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromFiles(java)).call();
            List<String> errors = new ArrayList<>();
            diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                    .forEach(d -> errors.add(d.getSource() + ":" + d.getLineNumber() + ": " + d.getMessage(null)));
            if (!ok && errors.isEmpty()) {
                errors.add("javac failed: " + diagnostics.getDiagnostics());
            }
            return errors;
        }
    }

    /**
     * Runs the consumer in a module layer of its own, the module path all it sees of Chorus, with
     * every module of that path resolved, as {@code java --add-modules ALL-MODULE-PATH} does:
     * automatic modules declare no {@code requires}, so the named modules they use (org.slf4j,
     * Jackson's) are resolved only when something adds them (docs/architecture.md, "Modules").
     */
    private static String run(Path classes, List<Path> modulePath) throws Exception {
        List<Path> paths = new ArrayList<>(modulePath);
        paths.add(0, classes);
        ModuleFinder finder = ModuleFinder.of(paths.toArray(Path[]::new));
        Set<String> allModulePath = finder.findAll().stream().map(m -> m.descriptor().name()).collect(Collectors.toSet());
        ModuleLayer boot = ModuleLayer.boot();
        Configuration configuration = boot.configuration().resolve(finder, ModuleFinder.of(), allModulePath);
        ModuleLayer layer = boot.defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());

        assertThat(layer.findModule("dev.chorusbot.telegram")).as("Telegram resolved as a module").isPresent();
        assertThat(configuration.findModule("dev.chorusbot.core").map(m -> m.reference())
                .map(ModuleReference::descriptor).map(ModuleDescriptor::isAutomatic)).contains(true);
        Method platforms = layer.findLoader("chorus.consumer").loadClass("chorus.consumer.ConsumerBot").getMethod("platforms");
        return (String) platforms.invoke(null);
    }

    private static Optional<Path> jar(String prefix) {
        return classPathJars.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && Character.isDigit(e.getKey().charAt(prefix.length())))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
