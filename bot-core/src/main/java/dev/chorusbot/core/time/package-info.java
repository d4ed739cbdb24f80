/**
 * Time for the bot and its adapters: one {@link dev.chorusbot.core.time.Scheduler} gives the wall
 * clock, monotonic time, delayed and repeating tasks, and blocking waits. Every timer in Chorus (reply
 * pacing, retries and backoff, keep-alive, cooldowns, expiry) reads it, so a test that swaps in the
 * testkit's manual scheduler moves all of them at once, without sleeping.
 */
package dev.chorusbot.core.time;
