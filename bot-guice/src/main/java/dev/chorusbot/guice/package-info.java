/**
 * Guice integration: {@link dev.chorusbot.guice.ChorusModule} builds the bot from commands,
 * annotated command objects, adapters and middleware contributed with
 * {@link dev.chorusbot.guice.ChorusBinder}, so commands can receive injected dependencies.
 */
package dev.chorusbot.guice;
