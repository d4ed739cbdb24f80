/**
 * Whole-process measurements of the serverless entry points: the hello bot's Lambda artifact
 * under the real AWS Lambda runtime interface client, against loopback fakes of the Lambda Runtime
 * API and the Telegram Bot API.
 */
package dev.chorusbot.bench.serverless;
