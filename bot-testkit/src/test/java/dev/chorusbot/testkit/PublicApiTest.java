package dev.chorusbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Jackson is how the fakes write JSON, not part of what a bot author calls. */
class PublicApiTest {

    @Test
    void noPublicSignatureOfTheTestkitMentionsJackson() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : publicClasses()) {
            for (Method method : type.getMethods()) {
                if (method.getDeclaringClass() == type && mentionsJackson(method.toGenericString())) {
                    leaks.add(method.toGenericString());
                }
            }
            Arrays.stream(type.getConstructors()).map(c -> c.toGenericString()).filter(PublicApiTest::mentionsJackson)
                    .forEach(leaks::add);
            Arrays.stream(type.getFields()).map(f -> f.toGenericString()).filter(PublicApiTest::mentionsJackson)
                    .forEach(leaks::add);
        }
        assertThat(leaks).isEmpty();
    }

    private static boolean mentionsJackson(String signature) {
        return signature.contains("com.fasterxml.");
    }

    private static List<Class<?>> publicClasses() throws Exception {
        Path root = Path.of(Golden.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("dev/chorusbot/testkit"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()));
                if (Modifier.isPublic(type.getModifiers()) && !type.getPackageName().endsWith(".internal")) {
                    classes.add(type);
                }
            }
        }
        assertThat(classes).as("the testkit's public classes").hasSizeGreaterThan(10);
        return classes;
    }
}
