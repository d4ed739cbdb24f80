/**
 * Implementation of the Discord adapter: the REST client with its rate-limit buckets, message
 * rendering, the mapping of Discord users and members, the Gateway adapter with its shards and
 * identify limiter, and the environment provider. Not public API.
 */
package dev.chorusbot.discord.internal;
