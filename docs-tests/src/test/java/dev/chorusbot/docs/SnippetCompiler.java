package dev.chorusbot.docs;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Turns the Java blocks of one page into sources and compiles them in-process with the JDK's
 * {@link JavaCompiler}, against a class path. Errors are reported at the page's own lines.
 */
final class SnippetCompiler implements AutoCloseable {

    /**
     * Imported on demand by every page's snippet class besides Chorus's own public packages, which
     * are found on the class path. The standard types a reader expects a fragment to use unqualified.
     */
    static final List<String> STANDARD_IMPORTS = List.of(
            "import java.net.URI;",
            "import java.nio.charset.StandardCharsets;",
            "import java.nio.file.Path;",
            "import java.time.*;",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "import java.util.function.*;",
            "import com.google.inject.*;",
            "import com.google.inject.multibindings.*;",
            "import org.junit.jupiter.api.Test;",
            "import static org.assertj.core.api.Assertions.*;");

    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "(?m)^public\\s+(?:(?:final|abstract|sealed|non-sealed|static)\\s+)*(?:class|interface|enum|record|@interface)\\s+(\\w+)");
    private static final Pattern ANY_TYPE = Pattern.compile(
            "(?m)^(?:(?:public|final|abstract|sealed|non-sealed)\\s+)*(?:class|interface|enum|record|@interface)\\s+(\\w+)");
    private static final Pattern ELISION = Pattern.compile("^\\s*(\\.\\.\\.|…)\\s*$");

    private final String classPath;
    private final List<String> chorusImports;
    private final JavaCompiler javac;
    /** One file manager for every page: it keeps the class path's jars open and indexed between compilations. */
    private final StandardJavaFileManager files;

    /**
     * A compiler for one class path.
     *
     * @param classPath the class path the snippets compile against (the test class path)
     */
    SnippetCompiler(String classPath) {
        this.classPath = classPath;
        this.chorusImports = chorusPackages(classPath).stream().map(p -> "import " + p + ".*;").toList();
        this.javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this runtime: run the docs tests on a JDK, not a JRE");
        }
        this.files = javac.getStandardFileManager(null, Locale.ROOT, null);
    }

    @Override
    public void close() throws IOException {
        files.close();
    }

    /**
     * Compiles the given blocks of one page (those not marked as not compiled) together, so a block
     * may use a class another block of the page declares.
     *
     * @param page the page, relative to the repository root
     * @param snippets the page's blocks
     * @param out where the class files go
     * @return one text per compiler error: page, line, the compiler's message and the offending line;
     *     empty when everything compiled
     */
    List<String> compile(Path page, List<Snippet> snippets, Path out) {
        List<Source> sources = new ArrayList<>();
        Set<String> pagePackages = new TreeSet<>();
        Source pageClass = new Source(pageClassName(page));
        List<Snippet> compiled = snippets.stream().filter(s -> s.notCompiledReason().isEmpty()).toList();
        for (Snippet snippet : compiled) {
            if (snippet.kind() == Snippet.Kind.FILE) {
                Matcher pkg = PACKAGE.matcher(snippet.code());
                if (pkg.find()) {
                    pagePackages.add(pkg.group(1));
                }
                Source file = new Source(fileName(snippet));
                file.addSnippetLines(snippet);
                sources.add(file);
            }
        }
        pageClass.add("// The Java blocks of " + page + " that are fragments, each as its page shows it.", null);
        chorusImports.forEach(line -> pageClass.add(line, null));
        STANDARD_IMPORTS.forEach(line -> pageClass.add(line, null));
        pagePackages.forEach(p -> pageClass.add("import " + p + ".*;", null));
        pageClass.add("@SuppressWarnings(\"all\")", null);
        pageClass.add("class " + pageClass.name + " extends " + SnippetGivens.class.getName() + " {", null);
        for (Snippet snippet : compiled) {
            switch (snippet.kind()) {
                case MEMBERS -> pageClass.addSnippetLines(snippet);
                case STATEMENTS -> {
                    pageClass.add("void snippetAtLine" + snippet.firstLine() + "() throws Exception {", snippet);
                    pageClass.addSnippetLines(snippet);
                    pageClass.add("}", snippet);
                }
                case FILE -> { }
            }
        }
        pageClass.add("}", null);
        sources.add(pageClass);

        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try {
            Files.createDirectories(out);
            List<String> options = List.of("--release", "17", "-proc:none", "-Xlint:none",
                    "-classpath", classPath, "-d", out.toString());
            javac.getTask(null, files, diagnostics, options, null, sources).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            problems.add(describe(page, d));
        }
        return problems;
    }

    private static String describe(Path page, Diagnostic<? extends JavaFileObject> d) {
        String message = d.getMessage(Locale.ROOT);
        if (!(d.getSource() instanceof Source source) || d.getLineNumber() < 1) {
            return page + ": error: " + message;
        }
        int index = (int) d.getLineNumber() - 1;
        Source.Origin origin = source.origins.get(index);
        String text = source.lines.get(index);
        if (origin.snippet() == null) {
            return page + ": error in the snippet class generated for the page: " + message + "\n    | " + text.strip();
        }
        if (origin.pageLine() == 0) {
            return origin.snippet().page() + ":" + origin.snippet().firstLine() + ": error around the snippet starting"
                    + " here (" + origin.snippet().kind().name().toLowerCase(Locale.ROOT) + "): " + message;
        }
        return origin.snippet().page() + ":" + origin.pageLine() + ": error: " + message + "\n    | " + text.strip()
                + "\n      (in the snippet starting at line " + origin.snippet().firstLine() + ")";
    }

    private static String fileName(Snippet snippet) {
        Matcher publicType = PUBLIC_TYPE.matcher(snippet.code());
        if (publicType.find()) {
            return publicType.group(1);
        }
        Matcher anyType = ANY_TYPE.matcher(snippet.code());
        return anyType.find() ? anyType.group(1) : "SnippetAtLine" + snippet.firstLine();
    }

    /**
     * The class holding a page's fragments: {@code getting-started.md} gives
     * {@code GettingStartedSnippets}.
     *
     * @param page the page
     * @return a Java class name
     */
    static String pageClassName(Path page) {
        String base = page.getFileName().toString().replaceFirst("\\.md$", "");
        StringBuilder name = new StringBuilder();
        boolean upper = true;
        for (char c : base.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
                upper = false;
            }
        }
        return name + "Snippets";
    }

    /**
     * Chorus's public packages on the class path: every {@code dev.chorusbot} package with classes,
     * except {@code internal} ones and this module's own.
     */
    private static Set<String> chorusPackages(String classPath) {
        Set<String> packages = new TreeSet<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path path = Path.of(entry);
            try {
                if (Files.isDirectory(path)) {
                    Path root = path.resolve("dev/chorusbot");
                    if (Files.isDirectory(root)) {
                        try (Stream<Path> walk = Files.walk(root)) {
                            walk.filter(p -> p.toString().endsWith(".class"))
                                    .map(p -> path.relativize(p.getParent()).toString().replace(File.separatorChar, '.'))
                                    .forEach(packages::add);
                        }
                    }
                } else if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                    try (JarFile jar = new JarFile(path.toFile())) {
                        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                            String name = e.nextElement().getName();
                            if (name.startsWith("dev/chorusbot/") && name.endsWith(".class") && name.lastIndexOf('/') > 0) {
                                packages.add(name.substring(0, name.lastIndexOf('/')).replace('/', '.'));
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the class path entry " + entry, e);
            }
        }
        packages.removeIf(p -> p.equals("dev.chorusbot.docs") || p.endsWith(".internal") || p.contains(".internal."));
        return packages;
    }

    /** An in-memory source file, remembering the page line each of its lines came from. */
    private static final class Source extends SimpleJavaFileObject {
        record Origin(Snippet snippet, int pageLine) { }

        final String name;
        final List<String> lines = new ArrayList<>();
        final List<Origin> origins = new ArrayList<>();

        Source(String name) {
            super(URI.create("string:///" + name + Kind.SOURCE.extension), Kind.SOURCE);
            this.name = name;
        }

        void add(String line, Snippet owner) {
            lines.add(line);
            origins.add(new Origin(owner, 0));
        }

        /** Adds a block's lines; a line holding only "..." (or "…") is an elision and becomes a comment. */
        void addSnippetLines(Snippet snippet) {
            String[] code = snippet.code().split("\n", -1);
            for (int i = 0; i < code.length; i++) {
                String line = ELISION.matcher(code[i]).matches() ? "// (elided)" : code[i];
                lines.add(line);
                origins.add(new Origin(snippet, snippet.firstLine() + i));
            }
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return String.join("\n", lines) + "\n";
        }
    }
}
