/**
 * The Telegram adapter: a Bot API client on the JDK {@code HttpClient}, the webhook endpoint
 * ({@link dev.chorusbot.telegram.TelegramAdapter}) and long polling
 * ({@link dev.chorusbot.telegram.TelegramPollingAdapter}), configured by
 * {@link dev.chorusbot.telegram.TelegramConfig}.
 *
 * <pre>{@code
 * TelegramConfig config = TelegramConfig.fromEnv();
 * Bot bot = Bot.builder().command(hello).adapter(config.adapter()).build();
 * }</pre>
 *
 * <p>Updates are readable in their own terms through {@code message.unwrap(TelegramUpdate.class)}.
 */
package dev.chorusbot.telegram;
