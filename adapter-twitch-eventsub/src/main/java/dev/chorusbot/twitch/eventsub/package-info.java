/**
 * Twitch chat through EventSub webhooks and the Helix API: {@link
 * dev.chorusbot.twitch.eventsub.TwitchEventSubAdapter}, a push adapter that serves a signed webhook
 * and answers through {@code POST /helix/chat/messages}, so a Twitch bot can run in a serverless
 * function; {@link dev.chorusbot.twitch.eventsub.TwitchEventSubConfig} (builder and {@code fromEnv()});
 * {@link dev.chorusbot.twitch.eventsub.ChatSubscriptions} and {@link
 * dev.chorusbot.twitch.eventsub.TwitchEventSubCli} to manage the {@code channel.chat.message}
 * subscriptions; and the platform objects of the events it raises.
 */
package dev.chorusbot.twitch.eventsub;
