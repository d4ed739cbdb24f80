package dev.chorusbot.discord.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One REST call's route: the method, the path's template (what logs and exceptions show: it holds
 * no ids and no interaction tokens) and the path with its parameters filled in.
 *
 * <p>Discord keys its per-route limits by the route and the "top-level resource" of the path: a
 * channel, a guild, or a webhook id with its token (Rate Limits: "per-route rate limits often
 * account for top-level resources within the path"). {@link #laneKey()} is that pair, so calls to
 * two channels never wait for each other. An interaction's callback is keyed by the interaction,
 * so the callbacks of two interactions never wait for each other either.
 *
 * @param method the HTTP method, such as {@code POST}
 * @param template the path template, such as {@code /channels/{channel.id}/messages}
 * @param path the path with the parameters, such as {@code /channels/123/messages}
 * @param major the top-level resource's parameters, empty for a route without one
 */
public record Route(String method, String template, String path, String major) {
    private static final Pattern PARAM = Pattern.compile("\\{[^}]+}");

    /** Validates the components. */
    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(major, "major");
    }

    /**
     * The route {@code template} with {@code params} in the order of its placeholders.
     *
     * @param method the HTTP method
     * @param template the path template with {@code {name}} placeholders
     * @param params one value per placeholder, URL-encoded into the path
     * @return the route
     * @throws IllegalArgumentException when the count of parameters does not match the template
     */
    public static Route of(String method, String template, String... params) {
        Matcher m = PARAM.matcher(template);
        StringBuilder path = new StringBuilder();
        int i = 0;
        while (m.find()) {
            if (i >= params.length) {
                throw new IllegalArgumentException(template + " needs more than " + params.length + " parameters");
            }
            m.appendReplacement(path, Matcher.quoteReplacement(
                    URLEncoder.encode(Objects.requireNonNull(params[i++], "parameter"), StandardCharsets.UTF_8)));
        }
        m.appendTail(path);
        if (i != params.length) {
            throw new IllegalArgumentException(template + " takes " + i + " parameters, not " + params.length);
        }
        String major = "";
        if (params.length > 0 && (template.startsWith("/channels/") || template.startsWith("/guilds/"))) {
            major = params[0];
        } else if (params.length > 1 && template.startsWith("/webhooks/")) {
            major = params[0] + "/" + params[1];
        } else if (params.length > 0 && template.startsWith("/interactions/")) {
            // Each interaction has one initial response and nothing to keep in order with another
            // interaction's: one queue for all callbacks would make each wait for every earlier one,
            // and a slow one could push the rest past Discord's 3 seconds.
            major = params[0];
        }
        return new Route(method, template, path.toString(), major);
    }

    /**
     * Whether the call counts against the bot's global limit. Rate Limits: "Interaction endpoints
     * are not bound to the bot's Global Rate Limit": the interaction callback and the webhook
     * routes of follow-ups, which authenticate by the interaction token in their path.
     *
     * @return false for {@code /interactions/…} and {@code /webhooks/…}
     */
    public boolean global() {
        return !template.startsWith("/interactions/") && !template.startsWith("/webhooks/");
    }

    /**
     * The key of the route's queue: calls of one key are sent one after another, in order.
     *
     * @return method, template and top-level resource
     */
    public String laneKey() {
        return method + " " + template + " " + major;
    }

    /**
     * What logs and exceptions show.
     *
     * @return the method and the template, such as {@code POST /channels/{channel.id}/messages}
     */
    @Override
    public String toString() {
        return method + " " + template;
    }
}
