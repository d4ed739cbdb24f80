/**
 * Implementation of the serverless entry points: the cloud event codecs and the factory lookup.
 * Not part of the public API; may change in any release.
 */
package dev.chorusbot.serverless.internal;
