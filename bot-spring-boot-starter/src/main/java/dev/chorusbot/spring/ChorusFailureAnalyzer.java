package dev.chorusbot.spring;

import dev.chorusbot.core.ConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Tells a Chorus {@link ConfigurationException} that stopped the application's start as Spring
 * Boot's failure report: one line per problem, each naming its {@code chorus.*} property (the
 * starter tells the adapters' problems in the properties' names).
 */
final class ChorusFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationException cause) {
        String description = "The Chorus bot is misconfigured:\n  - " + String.join("\n  - ", cause.problems());
        return new FailureAnalysis(description,
                "Set the chorus.* properties named above (in application.properties or YAML, or as"
                        + " CHORUS_* environment variables); docs/spring-boot.md lists them.",
                cause);
    }
}
