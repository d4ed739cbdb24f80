package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/getting-started.md honest: every complete Java file shown in the guide (a code block
 * starting with {@code package com.example;}) must be, character for character, a file of this
 * project, which CI compiles and tests against the installed Chorus artifacts.
 */
class GuideInSyncTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(package com\\.example;.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("(?m)^(?:public )?(?:final )?class (\\w+)");

    @Test
    void everyJavaFileInTheGuideIsThisProjectsFile() throws IOException {
        String guide = Files.readString(Path.of("../getting-started.md"));
        Matcher blocks = JAVA_BLOCK.matcher(guide);
        List<String> checked = new ArrayList<>();
        while (blocks.find()) {
            String code = blocks.group(1);
            Matcher name = CLASS_NAME.matcher(code);
            assertFalse(!name.find(), "a Java block in the guide declares no class:\n" + code);
            String file = name.group(1) + ".java";
            Path source = Files.exists(Path.of("src/main/java/com/example", file))
                    ? Path.of("src/main/java/com/example", file)
                    : Path.of("src/test/java/com/example", file);
            assertEquals(Files.readString(source), code, "docs/getting-started.md shows " + file + " differently");
            checked.add(file);
        }
        assertEquals(List.of("MyBot.java", "MyBotTest.java", "MyPlatformBot.java"), checked, "files shown in the guide");
    }
}
