package dev.chorusbot.serverless.internal;

import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.serverless.BotFactory;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Finds the application's {@link BotFactory}: the class the environment variable {@value
 * BotFactory#ENVIRONMENT_VARIABLE} names (then no service file is read), or else the one class named
 * in {@code META-INF/services/dev.chorusbot.serverless.BotFactory}. Only that file is read and only
 * the chosen class is instantiated: no class path scanning, which would cost cold start.
 */
public final class BotFactoryLoader {
    private static final String SERVICE_FILE = "META-INF/services/" + BotFactory.class.getName();

    private BotFactoryLoader() {}

    /**
     * The factory to use.
     *
     * @param classLoader where the application's classes are
     * @param environment reads an environment variable (System::getenv outside tests)
     * @throws ConfigurationException naming the fix when there is no factory, several without a
     *     choice, or the chosen one cannot be created
     */
    public static BotFactory load(ClassLoader classLoader, Function<String, String> environment) {
        String chosen = environment.apply(BotFactory.ENVIRONMENT_VARIABLE);
        if (chosen != null && !chosen.isBlank()) {
            // The variable names the class, so the service files are not read: a stale entry another
            // jar registered (a class since renamed) must not block the factory the operator chose.
            return instantiate(chosen.trim(), classLoader);
        }
        List<ServiceLoader.Provider<BotFactory>> providers;
        try {
            providers = ServiceLoader.load(BotFactory.class, classLoader).stream().toList();
        } catch (ServiceConfigurationError e) {
            throw new ConfigurationException(SERVICE_FILE + " names a class that cannot be used as a BotFactory: "
                    + e.getMessage() + " (set the environment variable " + BotFactory.ENVIRONMENT_VARIABLE
                    + " to the factory to use)");
        }
        if (providers.isEmpty()) {
            throw new ConfigurationException("no BotFactory found: name your factory class in " + SERVICE_FILE
                    + " or set the environment variable " + BotFactory.ENVIRONMENT_VARIABLE + " to it");
        }
        if (providers.size() > 1) {
            List<String> names = providers.stream().map(p -> p.type().getName()).sorted().toList();
            throw new ConfigurationException(providers.size() + " BotFactory classes are registered " + names
                    + ": set the environment variable " + BotFactory.ENVIRONMENT_VARIABLE + " to the one to use");
        }
        return create(providers.get(0));
    }

    private static BotFactory create(ServiceLoader.Provider<BotFactory> provider) {
        try {
            return provider.get();
        } catch (ServiceConfigurationError e) {
            throw new ConfigurationException("BotFactory " + provider.type().getName() + " could not be created: "
                    + describe(e.getCause() != null ? e.getCause() : e));
        }
    }

    private static BotFactory instantiate(String name, ClassLoader classLoader) {
        Class<?> type;
        try {
            type = Class.forName(name, false, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ConfigurationException(BotFactory.ENVIRONMENT_VARIABLE + " names " + name
                    + ", which is not on the class path");
        }
        if (!BotFactory.class.isAssignableFrom(type)) {
            throw new ConfigurationException(BotFactory.ENVIRONMENT_VARIABLE + " names " + name
                    + ", which does not implement " + BotFactory.class.getName());
        }
        try {
            return (BotFactory) type.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new ConfigurationException("BotFactory " + name
                    + " needs a public no-argument constructor in a public class");
        } catch (InvocationTargetException | LinkageError e) {
            // LinkageError: its static initialiser failed (ExceptionInInitializerError), or failed
            // on an earlier attempt in this JVM (NoClassDefFoundError "Could not initialize class").
            throw new ConfigurationException("BotFactory " + name + " could not be created: " + describe(e));
        } catch (InstantiationException e) {
            throw new ConfigurationException("BotFactory " + name + " is abstract; name a concrete class");
        }
    }

    private static String describe(Throwable failure) {
        // The factory's own reason sits under the reflection and class initialisation wrappers.
        while ((failure instanceof InvocationTargetException || failure instanceof ExceptionInInitializerError)
                && failure.getCause() != null) {
            failure = failure.getCause();
        }
        String message = failure.getMessage();
        return message == null ? failure.getClass().getSimpleName() : message;
    }
}
