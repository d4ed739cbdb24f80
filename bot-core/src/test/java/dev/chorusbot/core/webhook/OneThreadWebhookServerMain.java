package dev.chorusbot.core.webhook;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A webhook server with a single serving thread, run in a JVM of its own by
 * {@link StalledRequestTest} (the JDK reads its server settings once per JVM). Prints its port,
 * then serves until its input ends.
 */
public final class OneThreadWebhookServerMain {
    private OneThreadWebhookServerMain() {}

    public static void main(String[] args) throws Exception {
        WebhookServer server = WebhookServer.builder()
                .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .threads(1)
                .build();
        server.routes().add("/hook", request -> WebhookResponse.text(200, "got " + request.body().length + " bytes"));
        server.start();
        System.out.println(server.port());
        System.out.flush();
        while (System.in.read() >= 0) {
            // serve until the test closes our input
        }
        server.close();
    }
}
