package dev.chorusbot.core.webhook;

/** A request the host cannot read as HTTP/1.x; answered with its status, then the connection closes. */
final class HttpProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    HttpProtocolException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
