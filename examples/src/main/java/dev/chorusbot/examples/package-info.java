/** Example bots: the hello bot, the founding example of one command on every platform. */
package dev.chorusbot.examples;
