package dev.chorusbot.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The questions users were asked, kept in the {@link StateStore} rather than in a Java
 * continuation, so an answer is taken by whichever instance or function invocation receives it:
 * {@code chorus:ask:<platform>:<chat>:<thread>:<user>} holds the question's token, step and data,
 * expiring with the question's timeout. An answer is claimed by a put-if-absent of {@code
 * chorus:answered:<token>}, so two instances given two messages at once take only one as the
 * answer.
 */
final class Conversations {
    private static final String ASK_PREFIX = "chorus:ask:";
    private static final String ANSWERED_PREFIX = "chorus:answered:";

    private final Map<String, AnswerHandler> handlers;

    Conversations(Map<String, AnswerHandler> handlers) {
        this.handlers = Map.copyOf(handlers);
    }

    boolean isEmpty() {
        return handlers.isEmpty();
    }

    /** Records the question and returns it marked as one. */
    Reply ask(StateStore state, Platform platform, Chat chat, User user, Reply question, String step,
            Duration timeout, String data) {
        if (!handlers.containsKey(step)) {
            throw new IllegalArgumentException("no answer handler is registered for step '" + step
                    + "'; add one with Bot.builder().onAnswer(\"" + step + "\", handler)");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a question's timeout must be positive, was " + timeout);
        }
        List<Reply.Text> texts = question.texts();
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("a question needs a text to ask");
        }
        String value = String.join("\n", UUID.randomUUID().toString(), step, data);
        state.put(key(platform, chat, user), value, timeout);
        if (texts.size() == 1) {
            return texts.get(0).asQuestion();
        }
        Reply[] marked = texts.toArray(Reply[]::new);
        marked[marked.length - 1] = texts.get(texts.size() - 1).asQuestion();
        return Reply.of(marked);
    }

    /** Forgets the question {@code user} was asked in {@code chat}; true when there was one. */
    boolean end(StateStore state, Platform platform, Chat chat, User user) {
        String key = key(platform, chat, user);
        boolean waiting = state.get(key).isPresent();
        state.remove(key);
        return waiting;
    }

    /**
     * The answer {@code message} gives, claimed so that no other instance takes it too; empty when
     * its sender was asked nothing there (or the question timed out).
     */
    Optional<Answer> claim(StateStore state, Message message) {
        String key = key(message.platform(), message.chat(), message.sender());
        Optional<String> value = state.get(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = value.get().split("\n", 3);
        if (parts.length != 3 || !state.putIfAbsent(ANSWERED_PREFIX + parts[0], message.id(), Duration.ofHours(1))) {
            return Optional.empty();
        }
        state.remove(key);
        AnswerHandler handler = handlers.get(parts[1]);
        return handler == null ? Optional.empty() : Optional.of(new Answer(handler, parts[2]));
    }

    private static String key(Platform platform, Chat chat, User user) {
        return ASK_PREFIX + platform.id() + ':' + chat.id() + ':' + chat.threadId().orElse("") + ':' + user.id();
    }

    /** A claimed answer: the handler of its question's step and the question's data. */
    record Answer(AnswerHandler handler, String data) {}
}
