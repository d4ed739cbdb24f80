/**
 * Implementation of the Twitch adapter: transports, the session's event loop, the send queue with
 * Twitch's rate limits, and the mapping to Chorus events. Not part of the public API.
 */
package dev.chorusbot.twitch.internal;
