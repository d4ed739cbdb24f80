package dev.chorusbot.core;

/**
 * Thrown by {@link Bot#run()} when an adapter stopped because of a failure it could not recover
 * from, such as a rejected token. The message is the adapter's one-sentence explanation.
 */
@Api(Api.Status.STABLE)
public class AdapterStoppedException extends RuntimeException {
    /** The id of the platform whose adapter stopped; part of the serialized form. */
    private final String platformId;

    /**
     * The adapter for {@code platform} stopped because of {@code cause}.
     *
     * @param platform the platform whose adapter stopped
     * @param cause the failure the adapter reported; its message becomes this one's, after the
     *     platform
     */
    public AdapterStoppedException(Platform platform, Throwable cause) {
        super(platform + ": " + cause.getMessage(), cause);
        this.platformId = platform.id();
    }

    /**
     * The platform whose adapter stopped.
     *
     * @return the platform given to the constructor
     */
    public Platform platform() {
        return Platform.of(platformId);
    }
}
