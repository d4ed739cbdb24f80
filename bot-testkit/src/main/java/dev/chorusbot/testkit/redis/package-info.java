/**
 * A real {@code redis-server} for tests: {@link dev.chorusbot.testkit.redis.RedisServer} starts
 * Debian's binary on a free loopback port and stops it by its process id.
 */
package dev.chorusbot.testkit.redis;
