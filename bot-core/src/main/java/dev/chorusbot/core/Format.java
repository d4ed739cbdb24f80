package dev.chorusbot.core;

/**
 * How the text of a reply is marked up. Adapters declare which formats their platform renders in
 * {@link Capabilities}; a reply in a format the platform lacks is sent as plain text with its
 * markup removed.
 */
@Api(Api.Status.STABLE)
public enum Format {
    /** Text as it is; nothing is interpreted. */
    PLAIN,
    /**
     * Telegram's MarkdownV2 dialect: {@code *bold*}, {@code _italic_}, {@code `code`},
     * {@code [text](url)}; the author escapes reserved characters.
     */
    MARKDOWN,
    /** The HTML subset Telegram accepts: {@code <b>}, {@code <i>}, {@code <code>}, {@code <a href>}. */
    HTML
}
