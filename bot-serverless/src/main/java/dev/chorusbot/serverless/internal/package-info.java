/**
 * Implementation of the serverless entry points: the cloud event codecs, the factory lookup and the SnapStart hook.
 * Not part of the public API; may change in any release.
 */
package dev.chorusbot.serverless.internal;
