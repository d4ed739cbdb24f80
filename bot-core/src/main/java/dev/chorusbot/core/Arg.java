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
public @interface Arg {

    /**
     * The argument's name as shown in usage. May be left out when the code is compiled with
     * {@code -parameters}; otherwise it is required.
     */
    String value() default "";

    /** Whether this {@code String} parameter takes the rest of the line. */
    boolean rest() default false;

    /** Makes the argument optional with this default, written as a user would type it. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface Default {
        /** The default value as text. */
        String value();
    }

    /** Makes the argument optional without default: the parameter receives null when left out. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface Optional {}
}
