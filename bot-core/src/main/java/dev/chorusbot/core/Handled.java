package dev.chorusbot.core;

import static dev.chorusbot.core.internal.Checks.notNull;

import java.util.List;

/**
 * The result of handling one event: the messages to send in answer, in order, already rendered
 * for the platform.
 *
 * @param event the event that was handled
 * @param outbound the messages to send; empty when nothing is to be answered
 */
@Api(Api.Status.EXPERIMENTAL)
public record Handled(InboundEvent event, List<Outbound> outbound) {

    /**
     * Validates and copies the components.
     *
     * @param event the event that was handled
     * @param outbound the messages to send, in order; copied
     * @throws NullPointerException if a component is {@code null}
     */
    public Handled {
        notNull(event, "event");
        outbound = List.copyOf(notNull(outbound, "outbound"));
    }

    /**
     * The texts of the outbound messages, in order; handy in tests.
     *
     * @return one text per outbound message; empty when nothing is to be answered
     */
    public List<String> texts() {
        return outbound.stream().map(Outbound::text).toList();
    }
}
