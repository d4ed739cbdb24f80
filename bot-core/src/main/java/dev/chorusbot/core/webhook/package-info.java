/**
 * The webhook SPI shared by push adapters and their hosts: a server-independent request and
 * response, the endpoint interface, path routing with the 404/405/413 rules, and the embedded
 * host on the JDK's HTTP server.
 */
package dev.chorusbot.core.webhook;
