package dev.chorusbot.testkit;

import dev.chorusbot.core.Api;
import dev.chorusbot.testkit.telegram.FakeChat;
import dev.chorusbot.testkit.telegram.FakeTelegramServer;
import dev.chorusbot.testkit.telegram.FakeUser;
import dev.chorusbot.testkit.telegram.SentMedia;
import dev.chorusbot.testkit.telegram.SentMessage;
import dev.chorusbot.testkit.twitch.FakeTwitchIrcServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Telegram and Twitch fakes as a process, for trying a bot by hand without the platforms:
 * prints the variables that point a bot at them, then reads lines from standard input as chat
 * messages and prints what the bot sends.
 *
 * <pre>
 * java -cp bot-testkit.jar:... dev.chorusbot.testkit.FakePlatforms
 * # in another terminal, with the printed variables:
 * TELEGRAM_BOT_TOKEN=... TELEGRAM_API_URL=... TELEGRAM_MODE=polling java -jar hello-bot.jar
 * # back here:
 * tg /hello          (Viktor says /hello to the bot on Telegram)
 * tw !hello          (viktor says !hello in #chorus on Twitch)
 * press Roll again   (Viktor presses the button on the bot's latest Telegram message)
 * </pre>
 */
@Api(Api.Status.EXPERIMENTAL)
public final class FakePlatforms {
    private FakePlatforms() {}

    /**
     * Starts both fakes and talks to them until end of input.
     *
     * @param args ignored
     * @throws IOException when standard input cannot be read
     */
    public static void main(String[] args) throws IOException {
        PrintStream out = System.out;
        try (FakeTelegramServer telegram = FakeTelegramServer.start();
                FakeTwitchIrcServer twitch = FakeTwitchIrcServer.builder().tcp().start()) {
            FakeUser viktor = telegram.user("Viktor", null, "viktor");
            FakeChat chat = FakeChat.privateWith(viktor);
            telegram.addChat(chat);
            out.println("Chorus fakes running. Point a bot at them with:");
            out.println("  TELEGRAM_BOT_TOKEN=" + telegram.token());
            out.println("  TELEGRAM_API_URL=" + telegram.apiUrl());
            out.println("  TELEGRAM_MODE=polling");
            out.println("  TWITCH_IRC_URL=" + twitch.uri());
            out.println("  TWITCH_USERNAME=chorus_bot");
            out.println("  TWITCH_OAUTH_TOKEN=oauth:anything");
            out.println("  TWITCH_CHANNELS=chorus");
            out.println("Then type 'tg <text>', 'tw <text>' or 'press <label>'; end of input stops.");
            Printer printer = new Printer(telegram, twitch, out);
            Thread printing = new Thread(printer, "fake-platforms-printer");
            printing.setDaemon(true);
            printing.start();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                try {
                    if (line.startsWith("tg ")) {
                        telegram.enqueue(telegram.message(chat, viktor, line.substring(3)));
                    } else if (line.startsWith("tw ")) {
                        twitch.chat("chorus", "viktor", "Viktor", line.substring(3));
                    } else if (line.startsWith("press ")) {
                        telegram.enqueue(telegram.press(chat, viktor, line.substring(6)));
                    } else if (!line.isBlank()) {
                        out.println("? type 'tg <text>', 'tw <text>' or 'press <label>'");
                    }
                } catch (AssertionError | RuntimeException e) {
                    out.println("! " + e.getMessage());
                }
            }
        }
    }

    /** Prints what the bot sent, as it arrives. */
    private static final class Printer implements Runnable {
        private final FakeTelegramServer telegram;
        private final FakeTwitchIrcServer twitch;
        private final PrintStream out;
        private int messages;
        private int media;
        private int edits;
        private int lines;

        Printer(FakeTelegramServer telegram, FakeTwitchIrcServer twitch, PrintStream out) {
            this.telegram = telegram;
            this.twitch = twitch;
            this.out = out;
        }

        @Override
        public void run() {
            while (true) {
                List<SentMessage> sent = telegram.sentMessages();
                for (; messages < sent.size(); messages++) {
                    SentMessage m = sent.get(messages);
                    out.println("[telegram] " + m.text() + (m.buttons().isEmpty() ? "" : "  " + m.buttons()));
                }
                List<SentMedia> files = telegram.sentMedia();
                for (; media < files.size(); media++) {
                    SentMedia m = files.get(media);
                    out.println("[telegram " + m.method() + "] " + m.caption() + "  "
                            + m.upload().map(Object::toString).or(m::reference).orElse(""));
                }
                var changed = telegram.calls("editMessageText");
                for (; edits < changed.size(); edits++) {
                    out.println("[telegram edit " + changed.get(edits).param("message_id") + "] "
                            + changed.get(edits).param("text"));
                }
                List<String> accepted = twitch.accepted();
                for (; lines < accepted.size(); lines++) {
                    out.println("[twitch] " + accepted.get(lines));
                }
                try {
                    Thread.sleep(200); // a person reads along; polling a few times a second is plenty
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
