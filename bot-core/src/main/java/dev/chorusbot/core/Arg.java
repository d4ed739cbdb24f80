package dev.chorusbot.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a parameter of a {@link BotCommand} method as a command argument. The parameter's type
 * chooses how the argument is parsed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Api(Api.Status.STABLE)
public @interface Arg {

    /**
     * The argument's name as shown in usage. May be left out when the code is compiled with
     * {@code -parameters}; otherwise it is required.
     *
     * @return the name, or empty to use the parameter's name
     */
    String value() default "";

    /**
     * Whether this {@code String} parameter takes the rest of the line.
     *
     * @return {@code true} for a rest-of-line argument, which must be the last; default false
     */
    boolean rest() default false;

    /** Makes the argument optional with this default, written as a user would type it. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface Default {
        /**
         * The default value as text.
         *
         * @return the text parsed like the user's word, such as {@code "6"}
         */
        String value();
    }

    /** Makes the argument optional without default: the parameter receives null when left out. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface Optional {}
}
