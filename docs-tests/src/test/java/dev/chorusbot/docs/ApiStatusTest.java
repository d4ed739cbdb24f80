package dev.chorusbot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every public type of a published module (outside {@code internal} packages) says how far it may
 * still change with core's {@code @Api(Api.Status.STABLE)} or {@code @Api(Api.Status.EXPERIMENTAL)},
 * which its Javadoc shows. The sources are parsed with javac's tree API (no class path needed), so
 * a module bot-bom lists is covered as soon as it is listed.
 */
class ApiStatusTest {
    static final String FIX = ": put @Api(Api.Status.EXPERIMENTAL) (it may still change in any release) or"
            + " @Api(Api.Status.STABLE) (it changes only in a minor release, listed in CHANGELOG.md) on its"
            + " declaration, with import dev.chorusbot.core.Api; (CONTRIBUTING.md, \"API stability\")";

    private static Path root;
    private static PublishedPoms poms;

    @BeforeAll
    static void readReactor() {
        root = Path.of(System.getProperty("chorus.root", "..")).toAbsolutePath().normalize();
        poms = new PublishedPoms(root, Path.of(System.getProperty("chorus.localRepository",
                System.getProperty("user.home") + "/.m2/repository")));
    }

    @Test
    void everyPublicTypeOfAPublishedModuleCarriesItsApiStatus() throws Exception {
        Map<String, Path> modules = poms.reactorModules();
        List<Path> sources = new ArrayList<>();
        for (String artifactId : poms.published()) {
            Path main = modules.get(artifactId).getParent().resolve("src/main/java");
            if (Files.isDirectory(main)) {
                try (Stream<Path> walk = Files.walk(main)) {
                    walk.filter(ApiStatusTest::isApiSource).forEach(sources::add);
                }
            }
        }
        List<String> checked = new ArrayList<>();

        List<String> problems = problems(sources.stream().map(this::fileObject).toList(), checked);

        assertThat(problems).as("public types without an API status").isEmpty();
        assertThat(checked).as("public types checked").hasSizeGreaterThan(100).contains("Bot", "TelegramAdapter", "Api");
    }

    @Test
    void aPublicTypeWithoutStatusIsNamedWithTheFix() throws Exception {
        JavaFileObject marked = source("Marked.java", "package p;\nimport dev.chorusbot.core.Api;\n"
                + "/** A. */\n@Api(Api.Status.STABLE)\npublic final class Marked {\n    /** B. */\n    public static final class Nested {}\n}\n");
        JavaFileObject unmarked = source("Unmarked.java", "package p;\n/** C. */\n@Deprecated\npublic interface Unmarked {}\n");
        JavaFileObject hidden = source("Hidden.java", "package p;\nfinal class Hidden {}\n");

        List<String> problems = problems(List.of(marked, unmarked, hidden), new ArrayList<>());

        assertThat(problems).singleElement().asString().startsWith("Unmarked.java: public type Unmarked has no @Api status")
                .contains("@Api(Api.Status.EXPERIMENTAL)");
    }

    private static boolean isApiSource(Path file) {
        String name = file.getFileName().toString();
        boolean internal = false;
        for (Path part : file) {
            internal |= part.toString().equals("internal");
        }
        return name.endsWith(".java") && !name.equals("package-info.java") && !name.equals("module-info.java") && !internal;
    }

    /** The problems of the given sources' top-level public types; the names of those checked go into checked. */
    private static List<String> problems(List<JavaFileObject> sources, List<String> checked) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> problems = new ArrayList<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            JavacTask task = (JavacTask) javac.getTask(null, files, null, List.of("-proc:none"), null, sources);
            for (CompilationUnitTree unit : task.parse()) {
                for (Tree declaration : unit.getTypeDecls()) {
                    if (!(declaration instanceof ClassTree type) || !type.getModifiers().getFlags().contains(Modifier.PUBLIC)) {
                        continue;
                    }
                    checked.add(type.getSimpleName().toString());
                    if (!hasStatus(type)) {
                        problems.add(where(unit) + ": public type " + type.getSimpleName() + " has no @Api status" + FIX);
                    }
                }
            }
        }
        return problems;
    }

    private static boolean hasStatus(ClassTree type) {
        for (AnnotationTree annotation : type.getModifiers().getAnnotations()) {
            String name = annotation.getAnnotationType().toString();
            if ((name.equals("Api") || name.equals("dev.chorusbot.core.Api")) && annotation.getArguments().size() == 1) {
                String status = annotation.getArguments().get(0).toString();
                if (status.endsWith("STABLE") || status.endsWith("EXPERIMENTAL")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String where(CompilationUnitTree unit) {
        URI uri = unit.getSourceFile().toUri();
        if ("file".equals(uri.getScheme())) {
            return root.relativize(Path.of(uri)).toString();
        }
        return unit.getSourceFile().getName();
    }

    private JavaFileObject fileObject(Path file) {
        try {
            return source(file.toUri(), Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static JavaFileObject source(String name, String text) {
        return source(URI.create("string:///" + name), text);
    }

    private static JavaFileObject source(URI uri, String text) {
        return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }

            @Override
            public String getName() {
                return "file".equals(uri.getScheme()) ? new File(uri).getPath() : uri.getPath().substring(1);
            }
        };
    }
}
