/**
 * Implementation details of bot-core: argument parsing, reply rendering, ordered dispatch. Public
 * only so Chorus's own modules can share them; not an API, may change in any release.
 */
package dev.chorusbot.core.internal;
