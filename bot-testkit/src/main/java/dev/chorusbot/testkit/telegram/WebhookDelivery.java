package dev.chorusbot.testkit.telegram;

import dev.chorusbot.core.Api;

/**
 * How a webhook delivery ended.
 *
 * @param status the status of the last attempt, or 0 when the connection failed
 * @param body the body of the last answer
 * @param attempts how many POSTs were made (Telegram repeats non-2xx answers)
 */
@Api(Api.Status.EXPERIMENTAL)
public record WebhookDelivery(int status, String body, int attempts) {}
