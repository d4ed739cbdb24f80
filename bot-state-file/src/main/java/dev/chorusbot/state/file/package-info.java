/**
 * The durable state store in one file ({@link dev.chorusbot.state.file.FileStateStore}), for a bot
 * on one machine: its state survives restarts and crashes. Chosen by {@code
 * CHORUS_STATE=file:/var/lib/mybot/state} when this module is on the class path, or opened with
 * {@link dev.chorusbot.state.file.FileStateStore#open(java.nio.file.Path)}.
 */
package dev.chorusbot.state.file;
