package dev.chorusbot.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Path matching: the one place a request path finds its endpoint, for every host. */
class WebhookRoutesTest {
    private final WebhookRoutes routes = new WebhookRoutes();

    /** An endpoint that answers with its name and the path it was given. */
    private static WebhookEndpoint named(String name) {
        return request -> WebhookResponse.text(200, name + " got " + request.path());
    }

    private static WebhookRequest post(String path) {
        return WebhookRequest.post(path, Map.of(), "{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void showsAPathThatHoldsASecretInItsMaskedFormOnly() {
        routes.add("/123:abc", "/<token>", named("a")).add("/b", named("b"));

        assertThat(routes.shown("/123:abc")).isEqualTo("/<token>");
        assertThat(routes.shown("/123:abc/")).isEqualTo("/<token>/");
        assertThat(routes.shown("/b")).isEqualTo("/b");
        assertThat(routes.shown("/unknown")).isEqualTo("/unknown");
        assertThatThrownBy(() -> routes.add("/123:abc", "/<token>", named("c")))
                .hasMessage("webhook path /<token> is already routed");
    }

    @Test
    void matchesAPathWithOrWithoutATrailingSlash() {
        routes.add("/a", named("a")).add("/b/", named("b"));

        assertThat(routes.handle(post("/a")).bodyText()).isEqualTo("a got /a");
        assertThat(routes.handle(post("/a/")).bodyText()).isEqualTo("a got /a");
        assertThat(routes.handle(post("/b/")).bodyText()).isEqualTo("b got /b/");
        assertThat(routes.handle(post("/b")).bodyText()).isEqualTo("b got /b/");
        assertThat(routes.endpoint("/a/")).isPresent();
    }

    @Test
    void answers404ForAnotherPathOrAStagePrefixOutsideAFunction() {
        routes.add("/a", named("a"));

        assertThat(routes.handle(post("/c")).status()).isEqualTo(404);
        assertThat(routes.handle(post("/prod/a")).status()).isEqualTo(404);
        assertThat(routes.handle(post("/a/extra")).status()).isEqualTo(404);
    }

    @Test
    void sendsAStagePrefixedPathAtAFunctionUrlToTheEndpointItEndsWith() {
        routes.add("/a", named("a")).add("/b", named("b"));

        assertThat(routes.handleAtFunctionUrl(post("/prod/b")).bodyText()).isEqualTo("b got /b");
        assertThat(routes.handleAtFunctionUrl(post("/prod/a/")).bodyText()).isEqualTo("a got /a");
        assertThat(routes.handleAtFunctionUrl(post("/c")).status()).isEqualTo(404);
    }

    @Test
    void sendsAnyPathAtAFunctionUrlToTheOnlyEndpoint() {
        routes.add("/telegram", named("telegram"));

        assertThat(routes.handleAtFunctionUrl(post("/")).bodyText()).isEqualTo("telegram got /telegram");
        assertThat(routes.handleAtFunctionUrl(post("/default/my-function")).bodyText())
                .isEqualTo("telegram got /telegram");
    }

    @Test
    void answers404AtAFunctionUrlThatEndsWithTwoRoutedPaths() {
        routes.add("/hook", named("short")).add("/x/hook", named("long"));

        assertThat(routes.routedPathAtFunctionUrl("/prod/x/hook")).isEmpty();
        assertThat(routes.handleAtFunctionUrl(post("/prod/x/hook")).status()).isEqualTo(404);
        assertThat(routes.handleAtFunctionUrl(post("/x/hook")).bodyText()).isEqualTo("long got /x/hook");
    }

    @Test
    void appliesTheMethodAndSizeRulesAfterMatching() {
        WebhookRoutes small = new WebhookRoutes(4).add("/a", named("a"));

        assertThat(small.handle(new WebhookRequest("GET", "/a/", Map.of(), new byte[0])).status()).isEqualTo(405);
        assertThat(small.handleAtFunctionUrl(WebhookRequest.post("/prod/a", Map.of(), new byte[5])).status())
                .isEqualTo(413);
    }
}
