/**
 * The Twitch chat adapter: {@link dev.chorusbot.twitch.TwitchAdapter} keeps a connection to Twitch
 * IRC (TCP, TLS or WebSocket), {@link dev.chorusbot.twitch.TwitchConfig} says where and as whom, and
 * {@link dev.chorusbot.twitch.IrcMessage}, {@link dev.chorusbot.twitch.IrcTags} and
 * {@link dev.chorusbot.twitch.TwitchMessage} are the parsed lines handlers can unwrap.
 */
package dev.chorusbot.twitch;
