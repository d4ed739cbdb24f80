package dev.chorusbot.core;

import static dev.chorusbot.core.Fixtures.answer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArgumentsTest {
    enum Color { RED, GREEN }

    private final Bot bot = Bot.builder()
            .command(Command.named("roll")
                    .description("Roll dice")
                    .argument(Argument.string("dice"))
                    .argument(Argument.integer("times").optional(1))
                    .handler(ctx -> Reply.text(ctx.args().string("dice") + " x" + ctx.args().integer("times")))
                    .build())
            .command(Command.named("types")
                    .argument(Argument.longInteger("big"))
                    .argument(Argument.bool("flag"))
                    .argument(Argument.enumeration("color", Color.class))
                    .argument(Argument.rest("note").optional())
                    .handler(ctx -> Reply.text(ctx.args().longInteger("big") + " " + ctx.args().bool("flag") + " "
                            + ctx.args().get("color", Color.class) + " "
                            + ctx.args().optional("note", String.class).orElse("-")))
                    .build())
            .command(Command.named("say")
                    .argument(Argument.rest("text"))
                    .handler(ctx -> Reply.text(ctx.args().string("text")))
                    .build())
            .build();

    @Test
    void parsesEachType() {
        assertThat(answer(bot, "!types 9007199254740993 yes green keep  these   spaces"))
                .containsExactly("9007199254740993 true GREEN keep  these   spaces");
        assertThat(answer(bot, "!types -1 off RED")).containsExactly("-1 false RED -");
    }

    @Test
    void optionalArgumentTakesItsDefault() {
        assertThat(answer(bot, "!roll 2d6")).containsExactly("2d6 x1");
        assertThat(answer(bot, "!roll 2d6 3")).containsExactly("2d6 x3");
    }

    @Test
    void badNumberAnswersWithTheUsage() {
        assertThat(answer(bot, "!roll 2d6 banana"))
                .containsExactly("'banana' is not a whole number for <times>. Usage: !roll <dice> [times]");
    }

    @Test
    void missingArgumentAnswersWithTheUsage() {
        assertThat(answer(bot, "/roll")).containsExactly("Missing <dice>. Usage: /roll <dice> [times]");
    }

    @Test
    void tooManyArgumentsAnswerWithTheUsage() {
        assertThat(answer(bot, "!roll 2d6 3 4")).containsExactly("Too many arguments. Usage: !roll <dice> [times]");
    }

    @Test
    void badEnumListsTheChoices() {
        assertThat(answer(bot, "!types 1 yes blue"))
                .containsExactly("'blue' is not one of red|green for <color>. Usage: !types <big> <yes|no>"
                        .replace("<yes|no>", "<flag> <red|green> [note...]"));
    }

    @Test
    void badBooleanIsAUsageError() {
        assertThat(answer(bot, "!types 1 maybe red")).singleElement().asString()
                .startsWith("'maybe' is not yes or no for <flag>.");
    }

    @Test
    void numberOutOfIntRangeIsAUsageError() {
        assertThat(answer(bot, "!roll d 3000000000")).singleElement().asString()
                .startsWith("'3000000000' is not a whole number for <times>.");
    }

    @Test
    void restArgumentKeepsTheLineAsTyped() {
        assertThat(answer(bot, "!say   \"quoted\" and  more ")).containsExactly("\"quoted\" and  more");
    }

    @Test
    void handlerCanRaiseAUsageError() {
        Bot strict = Bot.builder()
                .command(Command.named("roll").argument(Argument.string("dice"))
                        .handler(ctx -> {
                            if (!ctx.args().string("dice").matches("\\d+d\\d+")) {
                                throw new UsageException("'" + ctx.args().string("dice") + "' is not a roll like 2d6");
                            }
                            return Reply.text("ok");
                        }).build())
                .build();
        assertThat(answer(strict, "!roll banana"))
                .containsExactly("'banana' is not a roll like 2d6. Usage: !roll <dice>");
    }

    @Test
    void declaredUsageOverridesTheGeneratedOne() {
        Bot custom = Bot.builder()
                .command(Command.named("roll").usage("<NdM>").argument(Argument.string("dice"))
                        .handler(ctx -> Reply.none()).build())
                .build();
        assertThat(answer(custom, "!roll")).containsExactly("Missing <dice>. Usage: !roll <NdM>");
    }

    @Test
    void usageErrorsCanBeSilenced() {
        Bot quiet = Bot.builder()
                .command(Command.named("roll").argument(Argument.string("dice")).handler(ctx -> Reply.none()).build())
                .texts(BotTexts.ENGLISH.withUsageError(""))
                .build();
        assertThat(answer(quiet, "!roll")).isEmpty();
    }
}
