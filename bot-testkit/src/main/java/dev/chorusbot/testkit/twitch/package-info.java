/**
 * A fake Twitch IRC server on loopback ({@link dev.chorusbot.testkit.twitch.FakeTwitchIrcServer}),
 * over TCP, TLS and WebSocket, and {@link dev.chorusbot.testkit.twitch.TestCertificate} for the TLS
 * variants: run a Twitch bot in a unit test without Twitch.
 */
package dev.chorusbot.testkit.twitch;
