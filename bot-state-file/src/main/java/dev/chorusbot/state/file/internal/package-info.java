/** The file store's service for {@code CHORUS_STATE}; not API. */
package dev.chorusbot.state.file.internal;
