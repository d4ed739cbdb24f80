/**
 * The Spring Boot starter: {@link dev.chorusbot.spring.ChorusAutoConfiguration} builds the bot from
 * {@code chorus.*} properties and the application's beans, serves its webhooks on Spring's web
 * server and runs it with the application. See docs/spring-boot.md.
 */
package dev.chorusbot.spring;
