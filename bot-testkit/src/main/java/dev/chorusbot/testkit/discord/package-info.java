/**
 * A fake of Discord's REST API on loopback, for tests of Discord bots: it answers with Discord's
 * JSON and error bodies, records every message, edit, follow-up, interaction callback and command
 * registration, sends rate-limit headers and answers 429 where Discord would, and can be told to
 * fail; and a fake of the Gateway ({@link dev.chorusbot.testkit.discord.FakeDiscordGateway}) that
 * speaks its opcodes, keeps sessions to resume, and delivers the events a test injects.
 *
 * <pre>{@code
 * try (FakeDiscordApi discord = FakeDiscordApi.start()) {
 *     DiscordConfig config = DiscordConfig.builder().token(discord.token()).apiUrl(discord.apiUrl()).build();
 *     ...
 *     assertThat(discord.awaitMessages(1, Duration.ofSeconds(5)).get(0).content()).isEqualTo("hello Anna!");
 * }
 * }</pre>
 */
package dev.chorusbot.testkit.discord;
