package dev.chorusbot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelTest {

    @Test
    void platformIdsAreLowerCaseWords() {
        assertThat(Platform.of("telegram").id()).isEqualTo("telegram");
        assertThatThrownBy(() -> Platform.of("Tele gram"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("platform id must be 1 to 32 lower-case letters");
    }

    @Test
    void everyUserHasTheEveryoneRole() {
        User user = User.of("1", "viktor", "Viktor");
        assertThat(user.roles()).containsExactly(Role.EVERYONE);
        assertThat(user.withRoles(Set.of(Role.VIP)).roles()).containsExactlyInAnyOrder(Role.EVERYONE, Role.VIP);
    }

    @Test
    void higherRolesSatisfyLowerRequirements() {
        User moderator = new User("1", "m", "M", Set.of(Role.MODERATOR));
        assertThat(moderator.hasRole(Role.VIP)).isTrue();
        assertThat(moderator.hasRole(Role.MODERATOR)).isTrue();
        assertThat(moderator.hasRole(Role.OWNER)).isFalse();
        assertThat(moderator.highestRole()).isEqualTo(Role.MODERATOR);
    }

    @Test
    void userRolesCannotBeChangedAfterwards() {
        User user = new User("1", "v", "V", Set.of(Role.VIP));
        assertThatThrownBy(() -> user.roles().add(Role.OWNER)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void chatKeepsItsThread() {
        Chat chat = Chat.of("-100123", Chat.Kind.GROUP, "Forum").withThread("42");
        assertThat(chat.threadId()).contains("42");
        assertThat(Chat.of("1", Chat.Kind.PRIVATE, "").threadId()).isEmpty();
    }

    @Test
    void messageUnwrapsTheOriginalPlatformObject() {
        record RawUpdate(long updateId) {}
        Message message = new Message(Platform.of("telegram"), "7", Fixtures.GROUP, Fixtures.VIKTOR, "hi",
                Instant.EPOCH, Optional.of("6"), new RawUpdate(99));
        assertThat(message.unwrap(RawUpdate.class)).contains(new RawUpdate(99));
        assertThat(message.unwrap(String.class)).isEmpty();
        assertThat(message.replyToId()).contains("6");
    }

    @Test
    void messagesOfOneChatShareAnOrderingKey() {
        Message a = Fixtures.message("a");
        Message b = Fixtures.message(Fixtures.ANNA, Fixtures.GROUP, "b");
        Message other = Fixtures.message(Fixtures.ANNA, Chat.of("group-2", Chat.Kind.GROUP, ""), "c");
        assertThat(a.orderingKey()).isEqualTo(b.orderingKey()).isNotEqualTo(other.orderingKey());
    }

    @Test
    void messageRequiresItsParts() {
        assertThatThrownBy(() -> new Message(Fixtures.TEST, "1", null, Fixtures.VIKTOR, "x", Instant.EPOCH,
                Optional.empty(), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("chat must not be null");
    }

    @Test
    void replyFlattensNestedReplies() {
        Reply reply = Reply.of(Reply.text("a"), Reply.none(), Reply.of(Reply.text("b"), Reply.text("c")));
        assertThat(reply.texts()).extracting(Reply.Text::text).containsExactly("a", "b", "c");
        assertThat(Reply.of()).isEqualTo(Reply.none());
    }

    @Test
    void blankReplyTextIsRefused() {
        assertThatThrownBy(() -> Reply.text(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reply text must not be blank");
    }

    @Test
    void buttonsAreAddedRowByRow() {
        Reply.Text reply = Reply.text("Pick")
                .withButtons(Button.of("One", "pick 1"), Button.of("Two", "pick 2"))
                .withButtons(Button.of("Cancel", "cancel"));
        assertThat(reply.buttons()).hasSize(2);
        assertThat(reply.buttons().get(0)).extracting(Button::label).containsExactly("One", "Two");
    }
}
