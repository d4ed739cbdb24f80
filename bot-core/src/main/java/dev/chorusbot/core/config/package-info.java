/**
 * The configuration idiom every adapter, store and host follows: a builder that records problems
 * in a {@link dev.chorusbot.core.config.ConfigProblems}, a {@code build()} that throws one
 * {@link dev.chorusbot.core.ConfigurationException} listing all of them, and a {@code fromEnv(Map)}
 * that maps variables onto the builder through {@link dev.chorusbot.core.config.Env}, so each rule
 * is written once and each problem names where its value came from: the setter, or the variable.
 *
 * <pre>{@code
 * public static MyConfig fromEnv(Map<String, String> variables) {
 *     Builder b = builder();
 *     Env env = Env.of(variables, b.problems);
 *     env.string("MY_TOKEN", "token").ifPresent(b::token);
 *     env.integer("MY_PORT", "port").ifPresent(b::port);
 *     return b.build();
 * }
 * }</pre>
 */
package dev.chorusbot.core.config;
