package dev.chorusbot.twitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IrcMessageTest {
    /** The PRIVMSG example of Twitch's "Sending and receiving chat messages" page. */
    static final String TWITCH_PRIVMSG = "@badge-info=;badges=broadcaster/1;client-nonce=459e3142897c7a22b7d275178f2259e0;"
            + "color=#0000FF;display-name=lovingt3s;emote-only=1;emotes=62835:0-10;first-msg=0;flags=;"
            + "id=885196de-cb67-427a-baa8-82f9b0fcd05f;mod=0;room-id=713936733;subscriber=0;tmi-sent-ts=1643904084794;"
            + "turbo=0;user-id=713936733;user-type= :lovingt3s!lovingt3s@lovingt3s.tmi.twitch.tv PRIVMSG #lovingt3s :bleedPurple";

    @Test
    void parsesTwitchsDocumentedPrivmsg() {
        IrcMessage line = IrcMessage.parse(TWITCH_PRIVMSG);

        assertThat(line.command()).isEqualTo("PRIVMSG");
        assertThat(line.source()).isEqualTo("lovingt3s!lovingt3s@lovingt3s.tmi.twitch.tv");
        assertThat(line.nick()).isEqualTo("lovingt3s");
        assertThat(line.params()).containsExactly("#lovingt3s", "bleedPurple");
        assertThat(line.tags().get("id")).contains("885196de-cb67-427a-baa8-82f9b0fcd05f");
        assertThat(line.tags().get("badges")).contains("broadcaster/1");
        assertThat(line.tags().get("user-type")).contains("");
        assertThat(line.tags().get("no-such-tag")).isEmpty();
        assertThat(line.tags().size()).isEqualTo(17);
    }

    @Test
    void writesAParsedLineBackUnchanged() {
        for (String wire : List.of(TWITCH_PRIVMSG,
                ":tmi.twitch.tv 001 chorus_bot :Welcome, GLHF!",
                ":chorus_bot.tmi.twitch.tv 366 chorus_bot #chorus :End of /NAMES list",
                "@flag;empty=;value=a\\sb\\:c :tmi.twitch.tv NOTICE * :Login authentication failed",
                ":tmi.twitch.tv RECONNECT",
                // Twitch's IRC command reference: a resub USERNOTICE with an escaped system-msg, a ban, a deletion.
                "@badge-info=;badges=staff/1,broadcaster/1,turbo/1;color=#008000;display-name=ronni;emotes=;"
                        + "id=db25007f-7a18-43eb-9379-80131e44d633;login=ronni;mod=0;msg-id=resub;"
                        + "msg-param-cumulative-months=6;msg-param-streak-months=2;msg-param-should-share-streak=1;"
                        + "msg-param-sub-plan=Prime;msg-param-sub-plan-name=Prime;room-id=12345678;subscriber=1;"
                        + "system-msg=ronni\\shas\\ssubscribed\\sfor\\s6\\smonths!;tmi-sent-ts=1507246572675;turbo=1;"
                        + "user-id=87654321;user-type=staff :tmi.twitch.tv USERNOTICE #dallas :Great stream -- keep it up!",
                "@room-id=12345678;target-user-id=87654321;tmi-sent-ts=1642715756806 :tmi.twitch.tv CLEARCHAT #dallas :ronni",
                "@login=foo;room-id=;target-msg-id=94e6c7ff-bf98-4faa-af5d-7ad633a158a9;tmi-sent-ts=1642720582342"
                        + " :tmi.twitch.tv CLEARMSG #bar :what a great day",
                "@msg-id=msg_ratelimit :tmi.twitch.tv NOTICE #chorus :Your message was not sent because you are"
                        + " sending messages too quickly.")) {
            assertThat(IrcMessage.parse(wire).toLine()).isEqualTo(wire);
        }
    }

    @Test
    void readsTheEscapedSystemMessageOfAUsernotice() {
        IrcMessage line = IrcMessage.parse("@msg-id=resub;system-msg=ronni\\shas\\ssubscribed\\sfor\\s6\\smonths!"
                + " :tmi.twitch.tv USERNOTICE #dallas :Great stream -- keep it up!");

        assertThat(line.tags().get("system-msg")).contains("ronni has subscribed for 6 months!");
        assertThat(line.trailing()).isEqualTo("Great stream -- keep it up!");
    }

    @Test
    void dropsAnUnneededTrailingColonButKeepsTheMeaning() {
        IrcMessage ping = IrcMessage.parse("PING :tmi.twitch.tv");

        assertThat(ping.toLine()).isEqualTo("PING tmi.twitch.tv");
        assertThat(IrcMessage.parse(ping.toLine())).isEqualTo(ping);
    }

    @Test
    void unescapesTagValuesAsTheMessageTagsSpecSays() {
        IrcTags tags = IrcMessage.parse("@a=one\\stwo;b=semi\\:colon;c=back\\\\slash;d=cr\\rlf\\n;e=\\x\\q;f=end\\ :s CMD")
                .tags();

        assertThat(tags.get("a")).contains("one two");
        assertThat(tags.get("b")).contains("semi;colon");
        assertThat(tags.get("c")).contains("back\\slash");
        assertThat(tags.get("d")).contains("cr\rlf\n");
        assertThat(tags.get("e")).as("an unknown escape keeps the character").contains("xq");
        assertThat(tags.get("f")).as("a trailing lone backslash is dropped").contains("end");
    }

    @Test
    void keepsMissingAndEmptyValuesApart() {
        IrcTags tags = IrcMessage.parse("@bare;empty=;full=x :s CMD").tags();

        assertThat(tags.get("bare")).contains("");
        assertThat(tags.get("empty")).contains("");
        assertThat(tags.hasExplicitValue("bare")).isFalse();
        assertThat(tags.hasExplicitValue("empty")).isTrue();
        assertThat(tags.contains("bare")).isTrue();
        assertThat(tags.wire()).isEqualTo("bare;empty=;full=x");
    }

    @Test
    void lastValueOfARepeatedTagWins() {
        IrcTags tags = IrcTags.parse("a=1;b=2;a=3");

        assertThat(tags.get("a")).contains("3");
        assertThat(tags.asMap()).containsExactly(Map.entry("a", "3"), Map.entry("b", "2"));
    }

    @Test
    void escapesTagValuesWhenEncoding() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("reply-parent-msg-body", "a b;c\\d\r\n");
        IrcMessage message = IrcMessage.of("PRIVMSG", "#chorus", "hi").withTags(IrcTags.of(values));

        String wire = message.toLine();

        assertThat(wire).isEqualTo("@reply-parent-msg-body=a\\sb\\:c\\\\d\\r\\n PRIVMSG #chorus :hi");
        assertThat(IrcMessage.parse(wire).tags().get("reply-parent-msg-body")).contains("a b;c\\d\r\n");
    }

    @Test
    void toleratesRunsOfSpacesBetweenParts() {
        IrcMessage line = IrcMessage.parse("@a=1   :nick!u@h   PRIVMSG   #chan   :hello  there");

        assertThat(line.params()).containsExactly("#chan", "hello  there");
        assertThat(line.nick()).isEqualTo("nick");
    }

    @Test
    void readsMiddleParametersAndEmptyTrailing() {
        IrcMessage line = IrcMessage.parse(":tmi.twitch.tv CAP * ACK :");

        assertThat(line.params()).containsExactly("*", "ACK", "");
        assertThat(line.toLine()).isEqualTo(":tmi.twitch.tv CAP * ACK :");
    }

    @Test
    void upperCasesLowerCaseCommands() {
        assertThat(IrcMessage.parse("ping :x").command()).isEqualTo("PING");
    }

    @Test
    void refusesMalformedLinesWithAReason() {
        assertThatThrownBy(() -> IrcMessage.parse("")).hasMessage("empty IRC line");
        assertThatThrownBy(() -> IrcMessage.parse("@a=b")).hasMessage("IRC line has tags but no command");
        assertThatThrownBy(() -> IrcMessage.parse(":only.source")).hasMessage("IRC line has a source but no command");
        assertThatThrownBy(() -> IrcMessage.parse(": PRIVMSG #a :b")).hasMessage("IRC line has an empty source");
        assertThatThrownBy(() -> IrcMessage.parse("@a=b    ")).hasMessage("IRC line has no command");
        assertThatThrownBy(() -> IrcMessage.parse("PRIV-MSG #a")).hasMessage("'PRIV-MSG' is not an IRC command");
        assertThatThrownBy(() -> IrcMessage.parse("12 x")).hasMessage("'12' is not an IRC command");
        assertThatThrownBy(() -> IrcMessage.parse("PRIVMSG #a :b\0c"))
                .hasMessage("IRC line contains a NUL or line break at index 13");
    }

    @Test
    void ignoresTheLineEnding() {
        assertThat(IrcMessage.parse("PING :tmi.twitch.tv\r\n").params()).containsExactly("tmi.twitch.tv");
    }

    @Test
    void refusesLineBreaksInParametersSoUserTextCannotInjectCommands() {
        IrcMessage injected = IrcMessage.of("PRIVMSG", "#chorus", "hi\r\nJOIN #elsewhere");

        assertThatThrownBy(injected::toLine)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("refusing to send PRIVMSG: its parameter 2 contains a line break, which would end the IRC line");
        assertThatThrownBy(() -> IrcMessage.of("PRIVMSG", "#chorus", "a\nb").toLine()).hasMessageContaining("line break");
        assertThatThrownBy(() -> IrcMessage.of("PRIVMSG", "#chorus", "a\0b").toLine()).hasMessageContaining("NUL");
        assertThatThrownBy(() -> IrcMessage.of("PRIVMSG", "#cho\rrus", "a").toLine()).hasMessageContaining("parameter 1");
    }

    @Test
    void refusesTagsParsedFromTextThatWouldInjectACommandOrSplitTheLine() {
        IrcMessage injected = IrcMessage.of("PRIVMSG", "#chorus", "hi")
                .withTags(IrcTags.parse("reply-parent-msg-id=x\r\nJOIN #elsewhere"));

        assertThatThrownBy(injected::toLine)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("refusing to send PRIVMSG: its tags contain a line break, which would end the IRC line");
        assertThatThrownBy(() -> IrcMessage.of("PING", "x").withTags(IrcTags.parse("a=b\0")).toLine())
                .hasMessage("refusing to send PING: its tags contain a NUL, which would end the IRC line");
        assertThatThrownBy(() -> IrcMessage.of("PING", "x").withTags(IrcTags.parse("a=b c")).toLine())
                .hasMessage("refusing to send PING: its tags contain a space, which would end the tags");
    }

    @Test
    void refusesAMiddleParameterThatWouldBreakTheLine() {
        assertThatThrownBy(() -> IrcMessage.of("PRIVMSG", "#a b", "text").toLine())
                .hasMessage("IRC parameter 1 of PRIVMSG is empty, contains a space or starts with ':' but is not the last");
    }

    @Test
    void refusesNulAndForbiddenKeysInTags() {
        assertThatThrownBy(() -> IrcTags.of("k", "a\0b")).hasMessage("an IRC tag value cannot contain NUL");
        assertThatThrownBy(() -> IrcTags.of("a b", "x")).hasMessage("IRC tag key 'a b' contains a forbidden character");
    }

    @Test
    void masksThePasswordInToString() {
        assertThat(IrcMessage.of("PASS", "oauth:secret123").toString()).isEqualTo("PASS ***").doesNotContain("secret");
    }

    @Test
    void readsTwitchMessageTagsEmotesAsCodePointsAndActions() {
        // Emoji before the emote: Twitch counts code points, so "Kappa" starts at 2, not at 3 UTF-16 units.
        IrcMessage line = IrcMessage.parse("@badges=moderator/1,subscriber/12;display-name=Vik\\stor;emotes=25:2-6,14-18/1902:8-12;"
                + "id=m1;room-id=7;tmi-sent-ts=1643904084794;user-id=99;reply-parent-msg-id=p1;reply-parent-user-login=anna;"
                + "reply-parent-display-name=Anna;reply-parent-msg-body=hi\\sthere;reply-parent-user-id=5"
                + " :viktor!viktor@viktor.tmi.twitch.tv PRIVMSG #Chorus :\u0001ACTION \uD83D\uDE00 Kappa Keepo Kappa\u0001");

        TwitchMessage m = TwitchMessage.from(line);

        assertThat(m.channel()).isEqualTo("chorus");
        assertThat(m.login()).isEqualTo("viktor");
        assertThat(m.displayName()).isEqualTo("Vik tor");
        assertThat(m.userId()).isEqualTo("99");
        assertThat(m.roomId()).isEqualTo("7");
        assertThat(m.sentAt()).contains(Instant.ofEpochMilli(1643904084794L));
        assertThat(m.action()).isTrue();
        assertThat(m.text()).isEqualTo("\uD83D\uDE00 Kappa Keepo Kappa");
        assertThat(m.badges()).containsExactly(Map.entry("moderator", "1"), Map.entry("subscriber", "12"));
        assertThat(m.emotes()).extracting(TwitchMessage.Emote::id).containsExactly("25", "1902", "25");
        assertThat(m.emotes()).extracting(e -> e.in(m.text())).containsExactly("Kappa", "Keepo", "Kappa");
        assertThat(m.replyParent()).contains(new TwitchMessage.ReplyParent("p1", "5", "anna", "Anna", "hi there"));
    }

    @Test
    void leavesOutAnEmoteRangePastTheEndOfTheTextAndKeepsTheMessage() {
        IrcMessage line = IrcMessage.parse("@emotes=25:0-4,6-10/1902:20-24;id=m2 :viktor!viktor@viktor.tmi.twitch.tv"
                + " PRIVMSG #chorus :Kappa Kappa");

        TwitchMessage m = TwitchMessage.from(line);

        assertThat(m.text()).isEqualTo("Kappa Kappa");
        assertThat(m.emotes()).extracting(e -> e.in(m.text())).containsExactly("Kappa", "Kappa");
    }

    @Test
    void fallsBackToTheLoginWithoutTags() {
        TwitchMessage m = TwitchMessage.from(IrcMessage.parse(":Viktor!viktor@host PRIVMSG #chorus :plain"));

        assertThat(m.displayName()).isEqualTo("viktor");
        assertThat(m.id()).isEmpty();
        assertThat(m.sentAt()).isEmpty();
        assertThat(m.action()).isFalse();
    }

    @Test
    void refusesMalformedEmotes() {
        IrcMessage line = IrcMessage.parse("@emotes=25:x-y :v!v@v PRIVMSG #c :Kappa");

        assertThatThrownBy(() -> TwitchMessage.from(line)).hasMessage("emotes tag range 'x-y' is not start-end");
    }
}
