package dev.chorusbot.spring;

import dev.chorusbot.core.Adapter;
import dev.chorusbot.core.Api;
import dev.chorusbot.core.Bot;
import dev.chorusbot.core.BotCommand;
import dev.chorusbot.core.Command;
import dev.chorusbot.core.ConfigurationException;
import dev.chorusbot.core.Middleware;
import dev.chorusbot.core.StateStore;
import dev.chorusbot.micrometer.ChorusMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Builds the {@link Bot} from the {@code chorus.*} properties ({@link ChorusProperties}) and the
 * application's beans, serves its webhooks on the application's web server, and runs it with the
 * application.
 *
 * <ul>
 *   <li>Every {@link Command} bean is registered, and every bean with {@link BotCommand} methods;
 *       every {@link Middleware} bean joins the chain in the beans' order ({@code @Order});
 *       {@link Adapter} beans are added beside those the properties switch on; a
 *       {@link StateStore} bean replaces the one {@code chorus.state} chooses; {@link
 *       ChorusBotCustomizer} beans see the builder last.</li>
 *   <li>The push adapters' webhooks are served by Spring MVC at their paths (no second port), with
 *       the embedded host's rules: 404, 405, 413, the secret check and the answers are Chorus's.</li>
 *   <li>With a {@code MeterRegistry} bean (Actuator's), the bot's meters ({@link ChorusMetrics})
 *       are recorded there, so {@code /actuator/prometheus} shows them.</li>
 *   <li>The bot starts after the web server and stops before it ({@link ChorusLifecycle}).</li>
 * </ul>
 * Define a {@link Bot} bean to take over building it; {@code chorus.enabled=false} builds none.
 */
@AutoConfiguration
@ConditionalOnClass(Bot.class)
@ConditionalOnProperty(prefix = "chorus", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(ChorusProperties.class)
@Api(Api.Status.EXPERIMENTAL)
public class ChorusAutoConfiguration {
    private static final Set<String> SWITCHES = Set.of("TELEGRAM_BOT_TOKEN", "TWITCH_USERNAME", "TWITCH_CLIENT_ID",
            "DISCORD_BOT_TOKEN");

    /** Created by Spring. */
    public ChorusAutoConfiguration() {}

    /**
     * The bot, built from the properties and the application's beans; not started.
     *
     * @param properties the {@code chorus.*} properties
     * @param commands the {@link Command} beans
     * @param middleware the {@link Middleware} beans, in order
     * @param adapters the {@link Adapter} beans
     * @param stateStore a {@link StateStore} bean, if any
     * @param customizers the {@link ChorusBotCustomizer} beans, in order
     * @param meterRegistry the application's meter registry, if any: the bot's meters go there
     * @param beanFactory the factory, searched for beans with {@link BotCommand} methods
     * @return the bot
     * @throws ConfigurationException listing every problem, with property names
     */
    @Bean
    @ConditionalOnMissingBean
    public Bot chorusBot(ChorusProperties properties, ObjectProvider<Command> commands,
            ObjectProvider<Middleware> middleware, ObjectProvider<Adapter> adapters,
            ObjectProvider<StateStore> stateStore, ObjectProvider<ChorusBotCustomizer> customizers,
            ObjectProvider<MeterRegistry> meterRegistry, ConfigurableListableBeanFactory beanFactory) {
        Map<String, String> variables = properties.toVariables();
        Bot.Builder builder = Bot.builder().webhooksHostedByApplication();
        commands.orderedStream().forEach(builder::command);
        for (String name : beanFactory.getBeanDefinitionNames()) {
            Class<?> type = beanFactory.getType(name, false);
            if (type != null && hasBotCommands(ClassUtils.getUserClass(type))) {
                builder.commands(beanFactory.getBean(name));
            }
        }
        // Metrics first, so that their middleware times and counts what the others do too.
        MeterRegistry registry = meterRegistry.getIfUnique();
        ChorusMetrics metrics = registry == null ? null : new ChorusMetrics(registry);
        if (metrics != null) {
            builder.middleware(metrics).observer(metrics);
        }
        middleware.orderedStream().forEach(builder::middleware);
        boolean anyAdapter = false;
        for (Adapter adapter : (Iterable<Adapter>) adapters.orderedStream()::iterator) {
            builder.adapter(adapter);
            anyAdapter = true;
        }
        stateStore.ifAvailable(builder::stateStore);
        if (!anyAdapter && variables.keySet().stream().noneMatch(SWITCHES::contains)) {
            throw new ConfigurationException("no platform is configured: set chorus.telegram.token,"
                    + " chorus.twitch.username, chorus.twitch.eventsub.client-id or chorus.discord.token, define an"
                    + " Adapter bean,"
                    + " or set chorus.enabled=false");
        }
        builder.fromEnv(variables);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        try {
            Bot bot = builder.build();
            if (metrics != null) {
                metrics.watchQueues(bot);
            }
            return bot;
        } catch (ConfigurationException e) {
            // The adapters speak of their environment variables; here the user set properties.
            List<String> problems = new ArrayList<>();
            for (String problem : e.problems()) {
                problems.add(ChorusProperties.inPropertyNames(problem));
            }
            throw new ConfigurationException(problems);
        }
    }

    /**
     * Starts the bot with the application and stops it before the web server stops.
     *
     * @param bot the bot
     * @return the lifecycle
     */
    @Bean
    @ConditionalOnMissingBean
    public ChorusLifecycle chorusLifecycle(Bot bot) {
        return new ChorusLifecycle(bot);
    }

    private static boolean hasBotCommands(Class<?> type) {
        if (type.getName().startsWith("org.springframework.")) {
            return false;
        }
        boolean[] found = {false};
        ReflectionUtils.doWithMethods(type, (Method method) -> found[0] = true,
                method -> method.isAnnotationPresent(BotCommand.class));
        return found[0];
    }

    /** The bot's health at {@code /actuator/health}, when Spring Boot's health support is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    public static class Health {
        /** Created by Spring. */
        public Health() {}

        /**
         * The bot's health indicator, named {@code chorus}.
         *
         * @param bot the bot
         * @return the indicator
         */
        @Bean
        @ConditionalOnMissingBean(name = "chorusHealthIndicator")
        public ChorusHealthIndicator chorusHealthIndicator(Bot bot) {
            return new ChorusHealthIndicator(bot);
        }
    }

    /** The webhooks on Spring WebFlux, in a reactive web application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(name = "org.springframework.web.reactive.function.server.RouterFunction")
    public static class ReactiveWebhooks {
        /** Created by Spring. */
        public ReactiveWebhooks() {}

        /**
         * Routes the bot's webhook paths to its endpoints.
         *
         * @param bot the bot
         * @return the route, matching only the paths the bot's adapters serve
         */
        @Bean
        public org.springframework.web.reactive.function.server.RouterFunction<
                org.springframework.web.reactive.function.server.ServerResponse> chorusReactiveWebhooks(Bot bot) {
            return ReactiveWebhookHandler.routes(bot.webhookRoutes());
        }
    }

    /** The webhooks on Spring MVC, in a servlet web application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(RouterFunction.class)
    public static class ServletWebhooks {
        /** Created by Spring. */
        public ServletWebhooks() {}

        /**
         * Routes the bot's webhook paths to its endpoints.
         *
         * @param bot the bot
         * @return the route, matching only the paths the bot's adapters serve
         */
        @Bean
        public RouterFunction<ServerResponse> chorusWebhooks(Bot bot) {
            return ServletWebhookHandler.routes(bot.webhookRoutes());
        }
    }
}
