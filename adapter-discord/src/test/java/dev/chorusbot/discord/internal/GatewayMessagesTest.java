package dev.chorusbot.discord.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chorusbot.core.Attachment;
import dev.chorusbot.core.Message;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** MESSAGE_CREATE's attachments become Chorus attachments. */
class GatewayMessagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CDN = "https://cdn.discordapp.com/attachments/500/";

    private final GatewayMessages messages = new GatewayMessages(new GuildDirectory(), false);

    private static Message map(GatewayMessages messages, String attachments, int flags) throws Exception {
        JsonNode d = JSON.readTree(("{'id':'900','channel_id':'500','type':0,'flags':" + flags
                + ",'author':{'id':'2','username':'anna'},'content':'','timestamp':'2026-12-07T12:00:00.000000+00:00',"
                + "'attachments':" + attachments + "}").replace('\'', '"'));
        return messages.map(d, "1", Instant.EPOCH).orElseThrow();
    }

    @Test
    void eachAttachmentKeepsItsUrlSizeNameAndTypeWithAKindFromTheType() throws Exception {
        Message m = map(messages, "[{'id':'1','filename':'cat.png','content_type':'image/png','size':1024,"
                + "'url':'" + CDN + "1/cat.png','proxy_url':'x','width':10,'height':10},"
                + "{'id':'2','filename':'dance.gif','content_type':'image/gif','size':5,'url':'" + CDN + "2/dance.gif'},"
                + "{'id':'3','filename':'clip.mp4','content_type':'video/mp4','size':6,'url':'" + CDN + "3/clip.mp4'},"
                + "{'id':'4','filename':'song.mp3','content_type':'audio/mpeg','size':7,'url':'" + CDN + "4/song.mp3'},"
                + "{'id':'5','filename':'notes.txt','size':8,'url':'" + CDN + "5/notes.txt'}]", 0);

        assertThat(m.attachments()).extracting(Attachment::kind).containsExactly(Attachment.Kind.PHOTO,
                Attachment.Kind.ANIMATION, Attachment.Kind.VIDEO, Attachment.Kind.AUDIO, Attachment.Kind.DOCUMENT);
        assertThat(m.attachments().get(0)).isEqualTo(new Attachment(Attachment.Kind.PHOTO, CDN + "1/cat.png",
                OptionalLong.of(1024), Optional.of("cat.png"), Optional.of("image/png")));
        assertThat(m.attachments().get(4).mimeType()).isEmpty();
    }

    @Test
    void aVoiceMessageIsVoiceWhateverItsType() throws Exception {
        Message m = map(messages, "[{'id':'1','filename':'voice-message.ogg','content_type':'audio/ogg',"
                + "'size':9,'url':'" + CDN + "1/voice-message.ogg','duration_secs':2.5,'waveform':'AAAA'}]", 1 << 13);

        assertThat(m.attachments()).extracting(Attachment::kind).containsExactly(Attachment.Kind.VOICE);
    }

    @Test
    void noAttachmentsAndMalformedOnesGiveNone() throws Exception {
        assertThat(map(messages, "[]", 0).attachments()).isEmpty();
        assertThat(map(messages, "{}", 0).attachments()).isEmpty();
        assertThat(map(messages, "[{'id':'1','filename':'x'},{'id':'2','url':''},7]", 0).attachments()).isEmpty();
        assertThat(map(messages, "[{'id':'1','url':'" + CDN + "1/x','size':'big','filename':3}]", 0).attachments())
                .singleElement().satisfies(a -> {
                    assertThat(a.size()).isEmpty();
                    assertThat(a.fileName()).isEmpty();
                    assertThat(a.kind()).isEqualTo(Attachment.Kind.DOCUMENT);
                });
    }
}
