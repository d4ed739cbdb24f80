package dev.chorusbot.guice;

import dev.chorusbot.core.Api;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies the set of objects whose {@code @BotCommand} methods become commands. Contribute with
 * {@link ChorusBinder#addCommandObject(Class)}.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Api(Api.Status.STABLE)
public @interface CommandObject {}
