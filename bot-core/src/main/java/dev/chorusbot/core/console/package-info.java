/** The console adapter: chat with a bot on standard input and output. */
package dev.chorusbot.core.console;
