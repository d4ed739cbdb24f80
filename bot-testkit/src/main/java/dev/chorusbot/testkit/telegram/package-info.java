/**
 * A fake Telegram Bot API server on loopback, for tests of Telegram bots: it speaks the real
 * envelope and error descriptions, records every call, feeds getUpdates, delivers updates to a
 * webhook as Telegram does, and can be told to fail.
 *
 * <pre>{@code
 * try (FakeTelegramServer telegram = FakeTelegramServer.start()) {
 *     FakeUser anna = telegram.user("Anna", "Smith", "anna");
 *     telegram.enqueue(telegram.message(FakeChat.privateWith(anna), anna, "/hello"));
 *     assertThat(telegram.awaitSentMessages(1, Duration.ofSeconds(5)).get(0).text()).isEqualTo("hello Anna Smith!");
 * }
 * }</pre>
 */
package dev.chorusbot.testkit.telegram;
