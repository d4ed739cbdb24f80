/**
 * The Redis state store ({@link dev.chorusbot.state.redis.RedisStateStore}): state and send budgets
 * shared by every instance of a bot. Chosen by {@code CHORUS_STATE=redis://…} when this module is on
 * the class path, or built with {@link dev.chorusbot.state.redis.RedisStateStore#builder()}.
 */
package dev.chorusbot.state.redis;
