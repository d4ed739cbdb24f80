/**
 * Micrometer meters for a Chorus bot: {@link dev.chorusbot.micrometer.ChorusMetrics}. See
 * docs/operations.md for the meter list.
 */
package dev.chorusbot.micrometer;
