package dev.chorusbot.serverless.internal;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson mapper of the entry points: building a mapper is costly at cold start. */
public final class Json {
    /** Thread-safe once configured; never reconfigured. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}
}
