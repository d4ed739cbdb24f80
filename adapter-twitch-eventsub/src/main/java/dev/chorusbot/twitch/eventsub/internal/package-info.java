/**
 * Implementation of the Twitch EventSub adapter: signature checks, delivery parsing and mapping,
 * the Helix client with app token, rate-limit and retry handling, and the reply queue. Not part of
 * the public API.
 */
package dev.chorusbot.twitch.eventsub.internal;
