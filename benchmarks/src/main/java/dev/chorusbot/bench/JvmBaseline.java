package dev.chorusbot.bench;

/** The smallest Java program: {@link TelegramColdStart} times it next to the bot as a baseline. */
public final class JvmBaseline {
    private JvmBaseline() {}

    /** Prints one line and exits. */
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
