package dev.chorusbot.core;

/**
 * An adapter that fetches events itself over a connection it keeps open: Twitch IRC, Telegram
 * long polling, the console. It needs a long-running process. When it can no longer read (end of
 * input, a rejected login) it reports that through {@link EventSink#stopped(Adapter, Throwable)}.
 */
public interface PullAdapter extends Adapter {}
