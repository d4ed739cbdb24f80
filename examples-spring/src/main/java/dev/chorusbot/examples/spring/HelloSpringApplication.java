package dev.chorusbot.examples.spring;

import dev.chorusbot.core.Command;
import dev.chorusbot.core.Reply;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The hello bot as a Spring Boot application: the same {@code hello} command, the platforms from
 * {@code chorus.*} properties or {@code CHORUS_*} variables, the webhooks on {@code server.port},
 * and Actuator's {@code /actuator/health} and {@code /actuator/prometheus}.
 */
@SpringBootApplication
public class HelloSpringApplication {
    /**
     * Runs the application.
     *
     * @param args Spring Boot's arguments, such as {@code --chorus.telegram.token=...}
     */
    public static void main(String[] args) {
        SpringApplication.run(HelloSpringApplication.class, args);
    }

    /** {@code hello}: answers {@code hello <display name>!}, as the other examples do. */
    @Bean
    Command hello() {
        return Command.named("hello")
                .description("Say hello")
                .handler(ctx -> Reply.text("hello " + ctx.sender().displayName() + "!"))
                .build();
    }
}
