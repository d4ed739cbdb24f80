/** JMH benchmarks and whole-process measurement tools for Chorus. */
package dev.chorusbot.bench;
