package dev.chorusbot.bench.serverless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The deployable artifact itself, {@code examples/target/hello-bot-lambda.jar}, answers a Telegram
 * {@code /hello} under the real AWS Lambda runtime interface client, cold and then warm: the shade
 * configuration, the merged service file and the bundled Lambda API are what AWS would run. (The
 * reactor packages examples before this module's tests run.)
 */
class LambdaArtifactTest {
    private static final Path JAR = Path.of("../examples/target/hello-bot-lambda.jar");
    private static final Path RUNTIME = Path.of("target/lambda-runtime");

    @Test
    void theHelloBotLambdaJarAnswersHelloUnderTheRuntimeClient() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "build the examples first: mvn -B verify from the root");

        try (FakeTelegramServer telegram = FakeTelegramServer.start()) {
            LambdaColdStart.Run run = LambdaColdStart.run(LambdaColdStart.classPath(JAR, RUNTIME),
                    LambdaColdStart.HANDLER, List.of("-XX:TieredStopAtLevel=1"), telegram, false);

            // run(...) checks both answers are the inline "hello Viktor!"; only sanity-check the times.
            assertThat(run.initMillis()).isPositive().isLessThanOrEqualTo(run.coldMillis());
            assertThat(run.warmMillis()).isPositive();
        }
    }
}
