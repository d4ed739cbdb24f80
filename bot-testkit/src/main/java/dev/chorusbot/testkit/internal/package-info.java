/** Helpers shared by the testkit's fakes; not part of the API, may change in any release. */
package dev.chorusbot.testkit.internal;
