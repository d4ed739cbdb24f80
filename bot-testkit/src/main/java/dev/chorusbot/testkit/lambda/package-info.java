/**
 * A fake of the AWS Lambda Runtime API on loopback, to run a function's handler under the real
 * AWS Lambda runtime interface client in a test or a cold-start benchmark.
 */
package dev.chorusbot.testkit.lambda;
