/**
 * The webhook SPI shared by push adapters and their hosts: a server-independent request and
 * response, the endpoint interface, path routing with the 404/405/413 rules, the embedded host (a
 * non-blocking HTTP/1.1 server on the JDK's sockets), and the one webhook dispatch every push adapter uses.
 *
 * <p>A push adapter supplies a {@link dev.chorusbot.core.webhook.WebhookProtocol} (authenticate,
 * read, send, answers) and serves a {@link dev.chorusbot.core.webhook.WebhookDispatch}, which
 * dispatches each event to the bot with a deadline, decides a typed
 * {@link dev.chorusbot.core.webhook.WebhookOutcome}, and sends the replies before answering.
 */
package dev.chorusbot.core.webhook;
