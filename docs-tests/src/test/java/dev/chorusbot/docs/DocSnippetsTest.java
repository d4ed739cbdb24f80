package dev.chorusbot.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every {@code ```java} block of {@code README.md} and {@code docs/*.md} against every
 * Chorus module, so a snippet cannot rot: an API change that leaves a guide behind fails here, at
 * the guide's line.
 *
 * <h2>The rules</h2>
 * A block is compiled in one of three ways, chosen from its text:
 * <ul>
 *   <li><b>file</b>: a block with a {@code package} or {@code import} line is a whole compilation
 *       unit, compiled as it stands (with its own imports only);</li>
 *   <li><b>members</b>: a block whose first code line starts with an annotation ({@code @Test}),
 *       {@code public}, {@code protected}, {@code private} or {@code static}, or declares a class,
 *       interface, enum or record, is placed in the body of a class;</li>
 *   <li><b>statements</b>: any other block is placed in the body of a method
 *       ({@code throws Exception}).</li>
 * </ul>
 * A line holding only {@code ...} (or {@code …}) is an elision and is left out; the code around it
 * must compile without it. Members and statements of one page go into one class per page
 * ({@code GettingStartedSnippets}), which imports every public Chorus package on the class path
 * (not {@code internal} ones), the standard packages in {@link SnippetCompiler#STANDARD_IMPORTS},
 * and the packages of the page's file blocks; it extends {@link SnippetGivens}, which holds the
 * names the guides' prose gives a fragment ({@code hello}, {@code builder}, {@code ctx},
 * {@code port}, …). All blocks of a page are compiled together, so a block may use a class
 * another block of the same page declares.
 *
 * <p>Two markers, an HTML comment on the last non-blank line before the fence, change that:
 * {@code <!-- not compiled: <reason> -->} leaves the block out (the reason is required and shows
 * on the rendered page's source; use it for pseudo-code or output), and
 * {@code <!-- compiled as file|members|statements -->} overrides the choice above.
 *
 * <p>Compilation runs in-process ({@code javax.tools.JavaCompiler}, {@code --release 17}) against
 * this module's test class path, which holds every published module, the examples
 * ({@code HelloCommands}) and the cloud APIs. A failure prints the page, the page's line, the
 * compiler's message and the line itself.
 */
class DocSnippetsTest {
    private static Path root;
    private static SnippetCompiler compiler;

    @BeforeAll
    static void setUp() {
        root = Path.of(System.getProperty("chorus.root", "..")).toAbsolutePath().normalize();
        compiler = new SnippetCompiler(System.getProperty("java.class.path"));
    }

    @AfterAll
    static void tearDown() throws IOException {
        compiler.close();
    }

    /** The pages whose Java blocks are compiled: the README and every Markdown file in docs/. */
    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(Path.of("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .map(p -> root.relativize(p))
                    .sorted()
                    .forEach(pages::add);
        }
        return pages;
    }

    @TestFactory
    Stream<DynamicTest> everyJavaBlockOfEveryPageCompiles(@TempDir Path out) throws IOException {
        return pages().stream().map(page -> DynamicTest.dynamicTest(page.toString(), () -> {
            List<Snippet> snippets = Snippet.parse(page, Files.readString(root.resolve(page)));
            List<String> problems = compiler.compile(page, snippets, out.resolve(page.getFileName().toString()));
            assertThat(problems)
                    .withFailMessage(() -> problems.size() + " compiler error(s) in the Java blocks of " + page
                            + " (see DocSnippetsTest for the rules; mark a block that cannot compile with"
                            + " <!-- not compiled: <reason> -->):\n" + String.join("\n", problems))
                    .isEmpty();
        }));
    }

    @Test
    void theGuidesHaveJavaBlocksToCompile() throws IOException {
        int compiled = 0;
        for (Path page : pages()) {
            compiled += (int) Snippet.parse(page, Files.readString(root.resolve(page))).stream()
                    .filter(s -> s.notCompiledReason().isEmpty()).count();
        }
        assertThat(compiled).as("compiled Java blocks in README.md and docs/*.md").isGreaterThan(20);
    }

    @Test
    void aBlockIsAFileMembersOrStatementsByItsText() {
        assertThat(Snippet.kindOf("package com.example;\n\nfinal class A {}\n")).isEqualTo(Snippet.Kind.FILE);
        assertThat(Snippet.kindOf("import java.util.List;\n")).isEqualTo(Snippet.Kind.FILE);
        assertThat(Snippet.kindOf("@Test\nvoid greets() {}\n")).isEqualTo(Snippet.Kind.MEMBERS);
        assertThat(Snippet.kindOf("// a module\npublic final class M {}\n")).isEqualTo(Snippet.Kind.MEMBERS);
        assertThat(Snippet.kindOf("final class Dice {}\n")).isEqualTo(Snippet.Kind.MEMBERS);
        assertThat(Snippet.kindOf("Reply.text(\"x\");\n")).isEqualTo(Snippet.Kind.STATEMENTS);
        assertThat(Snippet.kindOf("final var x = 1;\n")).isEqualTo(Snippet.Kind.STATEMENTS);
    }

    @Test
    void markersLeaveABlockOutOrChooseItsKind() {
        List<Snippet> snippets = Snippet.parse(Path.of("page.md"), String.join("\n",
                "# Page",
                "<!-- not compiled: pseudo-code -->",
                "```java",
                "roll dice;",
                "```",
                "<!-- compiled as members -->",
                "",
                "```java",
                "int x;",
                "```",
                "   ```java",
                "   Reply.none();",
                "   ```",
                ""));
        assertThat(snippets).extracting(Snippet::firstLine).containsExactly(4, 9, 12);
        assertThat(snippets.get(0).notCompiledReason()).contains("pseudo-code");
        assertThat(snippets.get(1).kind()).isEqualTo(Snippet.Kind.MEMBERS);
        assertThat(snippets.get(2).code()).isEqualTo("Reply.none();\n");
    }

    @Test
    void aNotCompiledMarkerNeedsAReason() {
        assertThatThrownBy(() -> Snippet.parse(Path.of("page.md"), "<!-- not compiled: -->\n```java\nx\n```\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("page.md:1: malformed snippet marker");
    }

    @Test
    void aCompilerErrorNamesThePageTheLineAndTheMessage(@TempDir Path out) {
        Path page = Path.of("docs/example.md");
        List<Snippet> snippets = Snippet.parse(page, String.join("\n",
                "Some text.",
                "",
                "```java",
                "Reply reply = Reply.text(\"hi\");",
                "reply.noSuchMethod();",
                "```",
                ""));

        List<String> problems = compiler.compile(page, snippets, out);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0))
                .startsWith("docs/example.md:5: error: cannot find symbol")
                .contains("| reply.noSuchMethod();")
                .contains("(in the snippet starting at line 4)");
    }

    @Test
    void blocksOfOnePageSeeEachOther(@TempDir Path out) {
        Path page = Path.of("docs/example.md");
        List<Snippet> snippets = Snippet.parse(page, String.join("\n",
                "```java",
                "package com.example.page;",
                "public final class Greeter { public static String hi() { return \"hi\"; } }",
                "```",
                "```java",
                "final class Local { String s = Greeter.hi(); }",
                "```",
                "```java",
                "String text = new Local().s;",
                "...",
                "Reply.text(text);",
                "```",
                ""));

        assertThat(compiler.compile(page, snippets, out)).isEmpty();
    }
}
