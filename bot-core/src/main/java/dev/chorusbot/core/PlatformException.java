package dev.chorusbot.core;

import java.util.Objects;

/**
 * A platform refused or failed a request: the base of every adapter's typed failures
 * ({@code TelegramApiException}, {@code TwitchApiException}, …), so one {@code catch} covers them
 * all. Each carries the platform, the platform's own code and reason; none carries a token or
 * secret, in its message or anywhere else.
 *
 * <pre>{@code
 * adapter.send(outbound).whenComplete((sent, failure) -> {
 *     Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
 *     if (cause instanceof PlatformException p) {
 *         log.warn("{} refused: {} {}", p.platform(), p.code(), p.reason());
 *     }
 * });
 * }</pre>
 */
@Api(Api.Status.STABLE)
public abstract class PlatformException extends RuntimeException {
    /** The platform's id; part of the serialized form. */
    private final String platformId;
    /** The platform's code, such as {@code 429} or {@code msg_duplicate}; empty when it gave none. */
    private final String code;
    /** The platform's reason, as it wrote it; empty when it gave none. */
    private final String reason;

    /**
     * A failure on {@code platform}.
     *
     * @param platform the platform that refused or failed
     * @param code the platform's code, such as {@code 429} or {@code msg_duplicate}; null or empty
     *     when it gave none
     * @param reason the platform's reason, such as {@code Too Many Requests: retry after 3}; null or
     *     empty when it gave none
     * @param message the whole message, one sentence; never a token or secret
     * @param cause the underlying failure, or null
     * @throws NullPointerException when {@code platform} is null
     */
    protected PlatformException(Platform platform, String code, String reason, String message, Throwable cause) {
        super(message, cause);
        this.platformId = Objects.requireNonNull(platform, "platform").id();
        this.code = code == null ? "" : code;
        this.reason = reason == null ? "" : reason;
    }

    /**
     * The platform that refused or failed.
     *
     * @return the platform, such as {@code telegram}
     */
    public Platform platform() {
        return Platform.of(platformId);
    }

    /**
     * The platform's own code: an HTTP status such as {@code 429}, or a name such as
     * {@code msg_duplicate}.
     *
     * @return the code as text; empty when the platform gave none
     */
    public String code() {
        return code;
    }

    /**
     * The platform's own reason, as it wrote it.
     *
     * @return the reason, such as {@code Forbidden: bot was blocked by the user}; empty when the
     *     platform gave none
     */
    public String reason() {
        return reason;
    }
}
