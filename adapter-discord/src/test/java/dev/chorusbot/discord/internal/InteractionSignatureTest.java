package dev.chorusbot.discord.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorusbot.testkit.discord.InteractionSender;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InteractionSignatureTest {
    /** RFC 8032, section 7.1, test 1: the empty message. */
    private static final String RFC_KEY = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private static final String RFC_SIGNATURE = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821"
            + "590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    @Test
    void verifiesRfc8032sFirstTestVectorFromTheRawKey() {
        InteractionSignature signature = new InteractionSignature(RFC_KEY);

        assertThat(signature.verify("", new byte[0], RFC_SIGNATURE)).isTrue();
        assertThat(signature.verify("", new byte[0], RFC_SIGNATURE.toUpperCase())).isTrue();
        assertThat(signature.verify("", new byte[] {0}, RFC_SIGNATURE)).isFalse();
    }

    @Test
    void signsTheTimestampFollowedByTheBody() {
        InteractionSender discord = InteractionSender.create();
        InteractionSignature signature = new InteractionSignature(discord.publicKey());
        byte[] body = "{\"type\":1}".getBytes(StandardCharsets.UTF_8);
        String signed = discord.sign("1700000000", body);

        assertThat(signature.verify("1700000000", body, signed)).isTrue();
        assertThat(signature.verify("1700000001", body, signed)).isFalse();
        assertThat(signature.verify("170000000", "0{\"type\":1}".getBytes(StandardCharsets.UTF_8), signed))
                .isTrue(); // the split between the two does not matter, their concatenation does
    }

    @Test
    void aSignatureThatIsNotAnEd25519OneIsWrong() {
        InteractionSignature signature = new InteractionSignature(RFC_KEY);

        assertThat(signature.verify("", new byte[0], "")).isFalse();
        assertThat(signature.verify("", new byte[0], "ab".repeat(63))).isFalse();
        assertThat(signature.verify("", new byte[0], "zz".repeat(64))).isFalse();
        assertThat(signature.verify("", new byte[0], "ff".repeat(64))).isFalse();
    }

    @Test
    void refusesAKeyThatIsNot32BytesOfHex() {
        assertThatThrownBy(() -> new InteractionSignature("abc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the public key is not hex");
        assertThatThrownBy(() -> new InteractionSignature("ab".repeat(31)))
                .hasMessage("the public key must be 32 bytes, was 31");
    }
}
