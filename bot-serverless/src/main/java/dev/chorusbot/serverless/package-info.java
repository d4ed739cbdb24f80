/**
 * Runs a Chorus bot's webhooks as a cloud function: AWS Lambda ({@link
 * dev.chorusbot.serverless.AwsLambdaHandler}), Yandex Cloud Functions ({@link
 * dev.chorusbot.serverless.YandexFunctionHandler}) and Google Cloud Functions ({@link
 * dev.chorusbot.serverless.GoogleFunctionHandler}).
 *
 * <p>Each entry point turns its cloud's HTTP event into a {@link
 * dev.chorusbot.core.webhook.WebhookRequest}, routes it through the push adapters of one {@link
 * dev.chorusbot.core.Bot} and turns the answer back into the cloud's response shape. The bot is
 * built once per container by the application's {@link dev.chorusbot.serverless.BotFactory}, named
 * in {@code META-INF/services/dev.chorusbot.serverless.BotFactory}, and reused by every later
 * invocation. See {@code docs/serverless.md}.
 */
package dev.chorusbot.serverless;
