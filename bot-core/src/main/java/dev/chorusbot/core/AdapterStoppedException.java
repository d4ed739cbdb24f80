package dev.chorusbot.core;

/**
 * Thrown by {@link Bot#run()} when an adapter stopped because of a failure it could not recover
 * from, such as a rejected token. The message is the adapter's one-sentence explanation.
 */
public class AdapterStoppedException extends RuntimeException {
    private final Platform platform;

    /** The adapter for {@code platform} stopped because of {@code cause}. */
    public AdapterStoppedException(Platform platform, Throwable cause) {
        super(platform + ": " + cause.getMessage(), cause);
        this.platform = platform;
    }

    /** The platform whose adapter stopped. */
    public Platform platform() {
        return platform;
    }
}
