package dev.chorusbot.core;

/**
 * An adapter that fetches events itself over a connection it keeps open: Twitch IRC, Telegram
 * long polling, the console. It needs a long-running process: a serverless function, frozen
 * between requests, refuses it (the serverless entry points and {@link
 * Bot.Builder#fromFunctionEnv(java.util.Map)} check for this type), while an adapter that neither
 * pulls nor receives webhooks (one that only sends) runs anywhere. When it can no longer read (end
 * of input, a rejected login) it reports that through {@link EventSink#stopped(Adapter, Throwable)}.
 */
@Api(Api.Status.EXPERIMENTAL)
public interface PullAdapter extends Adapter {}
