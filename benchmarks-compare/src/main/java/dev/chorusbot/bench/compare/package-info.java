/**
 * Chorus measured side by side with other Java libraries on the same work: twitch4j's IRC line
 * parser on the lines of {@code IrcLineBenchmark}, and a TelegramBots webhook hello bot driven by
 * the same load and cold-start tools as Chorus's. Built only with the {@code compare} profile; the
 * figures are in {@code docs/performance.md}, "Comparisons".
 */
package dev.chorusbot.bench.compare;
