package dev.chorusbot.core;

import static dev.chorusbot.core.internal.Checks.notBlank;

/**
 * A button under a reply. Its data is a command line without prefix ({@code "roll 2d6"}): pressing
 * the button runs that command for the presser. Where a platform has no buttons the button is
 * written out as text, {@code Roll again: !roll 2d6}.
 *
 * @param label what the button shows
 * @param data the command line it runs, without prefix
 */
@Api(Api.Status.STABLE)
public record Button(String label, String data) {

    /**
     * Validates the components.
     *
     * @param label what the button shows; not blank
     * @param data the command line it runs, without prefix; not blank
     * @throws IllegalArgumentException if {@code label} or {@code data} is blank
     * @throws NullPointerException if {@code label} or {@code data} is {@code null}
     */
    public Button {
        notBlank(label, "label");
        notBlank(data, "data");
    }

    /**
     * A button labelled {@code label} that runs the command line {@code data}.
     *
     * @param label what the button shows; not blank
     * @param data the command line it runs, without prefix, such as {@code "roll 2d6"}
     * @return the button
     */
    public static Button of(String label, String data) {
        return new Button(label, data);
    }
}
