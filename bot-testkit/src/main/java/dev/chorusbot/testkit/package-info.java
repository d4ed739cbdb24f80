/**
 * Test support for bots built with Chorus: {@link dev.chorusbot.testkit.TestBot} talks to a bot in
 * memory ({@code bot.send("!hello").assertReply("hello Viktor!")}); platform fakes in the
 * sub-packages speak the real protocols on loopback.
 */
package dev.chorusbot.testkit;
