/**
 * Fakes for Twitch EventSub bots: {@link dev.chorusbot.testkit.twitch.eventsub.FakeHelixApi} (the
 * Helix API and token endpoint on loopback, with rate limits, token expiry, dropped messages and
 * subscriptions verified through their callback), {@link
 * dev.chorusbot.testkit.twitch.eventsub.FakeEventSubSender} (signed deliveries, the verification
 * handshake and redelivery, as Twitch sends them) and {@link
 * dev.chorusbot.testkit.twitch.eventsub.ChatMessageNotification} to build chat messages, and
 * {@link dev.chorusbot.testkit.twitch.eventsub.FakeSubscription} for the subscriptions both show.
 */
package dev.chorusbot.testkit.twitch.eventsub;
