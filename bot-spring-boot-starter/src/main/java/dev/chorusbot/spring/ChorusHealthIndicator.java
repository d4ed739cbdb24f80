package dev.chorusbot.spring;

import dev.chorusbot.core.Adapter;
import dev.chorusbot.core.Api;
import dev.chorusbot.core.Bot;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The bot's health, with the meaning of the embedded host's readiness probe: UP when the bot
 * {@linkplain Bot#isReady() is ready} (started, every adapter connected or registered), DOWN
 * otherwise (starting, Twitch reconnecting, Telegram's setWebhook not yet done, stopping). The
 * details name each platform's state and its queued messages. Shown at
 * {@code /actuator/health} as {@code chorus}; add it to the readiness group with
 * {@code management.endpoint.health.group.readiness.include=readinessState,chorus}.
 */
@Api(Api.Status.EXPERIMENTAL)
public final class ChorusHealthIndicator implements HealthIndicator {
    private final Bot bot;

    /**
     * An indicator for {@code bot}.
     *
     * @param bot the bot
     */
    public ChorusHealthIndicator(Bot bot) {
        this.bot = bot;
    }

    @Override
    public Health health() {
        Health.Builder health = bot.isReady() ? Health.up() : Health.down();
        for (Adapter adapter : bot.adapters().values()) {
            health.withDetail(adapter.platform().id(), adapter.isReady() ? "ready" : "not ready");
            health.withDetail(adapter.platform().id() + ".pendingSends", adapter.pendingSends());
        }
        return health.build();
    }
}
