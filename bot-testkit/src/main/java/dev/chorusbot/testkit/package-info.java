/**
 * Test support for bots built with Chorus: {@link dev.chorusbot.testkit.TestBot} talks to a bot in
 * memory ({@code bot.send("!hello").assertReply("hello Viktor!")}); platform fakes in the
 * sub-packages speak the real protocols on loopback, all of one shape ({@code start()},
 * {@code builder()…start()}, {@code close()}, recorded calls, {@code await…} that fails with a
 * message); {@link dev.chorusbot.testkit.Golden} compares wire output with golden files.
 */
package dev.chorusbot.testkit;
