package dev.chorusbot.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.chorusbot.core.Adapter;
import dev.chorusbot.core.Api;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.Middleware;
import dev.chorusbot.core.StateStore;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a {@link Bot} from what other modules contribute. Install it once and contribute with
 * {@link ChorusBinder}:
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new ChorusModule(), new AbstractModule() {
 *     protected void configure() {
 *         ChorusBinder chorus = ChorusBinder.of(binder());
 *         chorus.addCommand(HelloCommand.class);     // a Provider<Command> with injected dependencies
 *         chorus.addCommandObject(DiceCommands.class); // @BotCommand methods, constructor-injected
 *         chorus.addAdapter(ConsoleAdapter.class);
 *     }
 * });
 * injector.getInstance(Bot.class).run();
 * }</pre>
 *
 * <p>The bot is a singleton. A {@link StateStore} bound with
 * {@code OptionalBinder.newOptionalBinder(binder(), StateStore.class).setBinding()...} replaces the
 * in-memory default; {@link BotCustomizer}s adjust the rest of the builder (prefixes, texts, the
 * embedded webhook server).
 */
@Api(Api.Status.STABLE)
public final class ChorusModule extends AbstractModule {

    @Override
    protected void configure() {
        // Declare the sets so the bot can be built even when nothing is contributed to one of them.
        Multibinder.newSetBinder(binder(), Command.class);
        Multibinder.newSetBinder(binder(), Object.class, CommandObject.class);
        Multibinder.newSetBinder(binder(), Adapter.class);
        Multibinder.newSetBinder(binder(), Middleware.class);
        Multibinder.newSetBinder(binder(), BotCustomizer.class);
        OptionalBinder.newOptionalBinder(binder(), StateStore.class);
    }

    @Provides
    @Singleton
    Bot bot(Set<Command> commands, @CommandObject Set<Object> commandObjects, Set<Adapter> adapters,
            Set<Middleware> middleware, Set<BotCustomizer> customizers, Optional<StateStore> state) {
        Bot.Builder builder = Bot.builder();
        commands.forEach(builder::command);
        commandObjects.forEach(builder::commands);
        adapters.forEach(builder::adapter);
        middleware.forEach(builder::middleware);
        state.ifPresent(builder::stateStore);
        customizers.forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    // Guice de-duplicates modules by equality: installing ChorusModule twice is harmless.
    @Override
    public boolean equals(Object other) {
        return other instanceof ChorusModule;
    }

    @Override
    public int hashCode() {
        return ChorusModule.class.hashCode();
    }
}
