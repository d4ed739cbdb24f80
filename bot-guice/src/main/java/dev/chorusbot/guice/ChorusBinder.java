package dev.chorusbot.guice;

import com.google.inject.Binder;
import com.google.inject.multibindings.Multibinder;
import dev.chorusbot.core.Adapter;
import dev.chorusbot.core.Api;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Middleware;
import jakarta.inject.Provider;
import java.util.Objects;

/**
 * Contributes commands, command objects, adapters, middleware and builder customizations to the
 * {@link dev.chorusbot.core.Bot} that {@link ChorusModule} builds. Every module may contribute;
 * Guice's {@link Multibinder} collects the contributions.
 */
@Api(Api.Status.STABLE)
public final class ChorusBinder {
    private final Binder binder;

    private ChorusBinder(Binder binder) {
        this.binder = binder.skipSources(ChorusBinder.class);
        this.binder.install(new ChorusModule());
    }

    /**
     * A binder contributing through {@code binder}; installs {@link ChorusModule} if needed.
     *
     * @param binder the binder of the module that contributes, as passed to its {@code configure}
     * @return a binder whose additions reach the bot built by {@link ChorusModule}
     * @throws NullPointerException when {@code binder} is null
     */
    public static ChorusBinder of(Binder binder) {
        return new ChorusBinder(Objects.requireNonNull(binder, "binder"));
    }

    /**
     * Adds a ready-made command.
     *
     * @param command the command to register with the bot; not null
     * @return this binder, for chaining
     */
    public ChorusBinder addCommand(Command command) {
        Multibinder.newSetBinder(binder, Command.class).addBinding().toInstance(command);
        return this;
    }

    /**
     * Adds the command built by {@code provider}, a class Guice constructs, so the command's
     * handler can use injected dependencies.
     *
     * @param provider the provider class; Guice constructs it and calls it once per bot
     * @return this binder, for chaining
     */
    public ChorusBinder addCommand(Class<? extends Provider<Command>> provider) {
        Multibinder.newSetBinder(binder, Command.class).addBinding().toProvider(provider);
        return this;
    }

    /**
     * Adds the {@code @BotCommand} methods of an instance of {@code type}, constructed by Guice.
     *
     * @param type a class with {@code @BotCommand} methods that Guice can construct
     * @return this binder, for chaining
     */
    public ChorusBinder addCommandObject(Class<?> type) {
        Multibinder.newSetBinder(binder, Object.class, CommandObject.class).addBinding().to(type);
        return this;
    }

    /**
     * Adds the {@code @BotCommand} methods of {@code instance}.
     *
     * @param instance an object with {@code @BotCommand} methods; not null
     * @return this binder, for chaining
     */
    public ChorusBinder addCommandObject(Object instance) {
        Multibinder.newSetBinder(binder, Object.class, CommandObject.class).addBinding().toInstance(instance);
        return this;
    }

    /**
     * Adds an adapter constructed by Guice.
     *
     * @param type the adapter class; Guice constructs it with its injected dependencies
     * @return this binder, for chaining
     */
    public ChorusBinder addAdapter(Class<? extends Adapter> type) {
        Multibinder.newSetBinder(binder, Adapter.class).addBinding().to(type);
        return this;
    }

    /**
     * Adds an adapter instance (for example one built with {@code fromEnv()}).
     *
     * @param adapter the adapter the bot starts and stops; not null
     * @return this binder, for chaining
     */
    public ChorusBinder addAdapter(Adapter adapter) {
        Multibinder.newSetBinder(binder, Adapter.class).addBinding().toInstance(adapter);
        return this;
    }

    /**
     * Adds a middleware constructed by Guice.
     *
     * @param type the middleware class; Guice constructs it with its injected dependencies
     * @return this binder, for chaining
     */
    public ChorusBinder addMiddleware(Class<? extends Middleware> type) {
        Multibinder.newSetBinder(binder, Middleware.class).addBinding().to(type);
        return this;
    }

    /**
     * Adds a middleware instance.
     *
     * @param middleware the middleware to add to the bot's chain; not null
     * @return this binder, for chaining
     */
    public ChorusBinder addMiddleware(Middleware middleware) {
        Multibinder.newSetBinder(binder, Middleware.class).addBinding().toInstance(middleware);
        return this;
    }

    /**
     * Adds a customization of the bot's builder (prefixes, texts, webhook server, …).
     *
     * @param customizer called once with the builder, after every other contribution; not null
     * @return this binder, for chaining
     */
    public ChorusBinder customize(BotCustomizer customizer) {
        Multibinder.newSetBinder(binder, BotCustomizer.class).addBinding().toInstance(customizer);
        return this;
    }
}
