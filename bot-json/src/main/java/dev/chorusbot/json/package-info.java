/**
 * Chorus's one JSON policy: Jackson trees through the streaming parser and generator, no
 * {@code ObjectMapper} (see {@link dev.chorusbot.json.JsonTrees}). Used by the adapters and hosts
 * that speak JSON; bot authors need nothing from it.
 */
package dev.chorusbot.json;
