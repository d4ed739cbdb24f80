/**
 * Chorus's platform-neutral core: the message model ({@link dev.chorusbot.core.Message},
 * {@link dev.chorusbot.core.User}, {@link dev.chorusbot.core.Chat}), commands
 * ({@link dev.chorusbot.core.Command}, {@link dev.chorusbot.core.BotCommand}), replies
 * ({@link dev.chorusbot.core.Reply}), middleware, state, the {@link dev.chorusbot.core.Bot} runtime,
 * and the adapter SPI ({@link dev.chorusbot.core.Adapter}, {@link dev.chorusbot.core.PushAdapter},
 * {@link dev.chorusbot.core.PullAdapter}) that platform adapters implement.
 */
package dev.chorusbot.core;
