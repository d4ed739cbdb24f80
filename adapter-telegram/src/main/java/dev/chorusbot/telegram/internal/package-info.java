/**
 * Implementation of the Telegram adapter: HTTP transport, update reading, event mapping, the send
 * queue with its limits and retries, the webhook endpoint and the polling loop. Not public API.
 */
package dev.chorusbot.telegram.internal;
