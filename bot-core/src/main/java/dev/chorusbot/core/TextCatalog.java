package dev.chorusbot.core;

import static dev.chorusbot.core.internal.Checks.notNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bot's sentences per locale: its own message bundles ({@link Bot.Builder#messages(String)})
 * first, then Chorus's built-in texts, which ship in English, German and Russian. Both are JDK
 * {@link ResourceBundle}s of {@code .properties} files, read as UTF-8, whose values are {@link
 * MessageFormat} patterns ({@code hello=hallo {0}!}).
 *
 * <p>A bundle's base file ({@code messages.properties}) is taken to be English. A locale a bundle
 * has no file for falls back to the bot's default locale, then to the base file; the JVM's own
 * default locale is never consulted, so a bot answers the same on every machine.
 */
@Api(Api.Status.EXPERIMENTAL)
public final class TextCatalog {
    /** The base name of the built-in texts' bundle. */
    static final String BUILT_IN = "dev.chorusbot.core.texts";
    /** The locales the built-in texts ship in. */
    static final List<Locale> SHIPPED = List.of(Locale.ENGLISH, Locale.GERMAN, new Locale("ru"));

    private final Locale defaultLocale;
    private final List<String> bundles;
    private final ClassLoader loader;
    private final BotTexts everywhere;
    private final Map<Locale, BotTexts> explicit;
    private final Map<Locale, BotTexts> resolved = new ConcurrentHashMap<>();
    private final Map<Locale, List<ResourceBundle>> chains = new ConcurrentHashMap<>();

    TextCatalog(Locale defaultLocale, List<String> bundles, ClassLoader loader, BotTexts everywhere,
            Map<Locale, BotTexts> explicit) {
        this.defaultLocale = notNull(defaultLocale, "defaultLocale");
        List<String> all = new ArrayList<>(bundles);
        all.add(BUILT_IN);
        this.bundles = List.copyOf(all);
        this.loader = loader;
        this.everywhere = everywhere;
        this.explicit = Map.copyOf(explicit);
    }

    /** One problem for each of the bot's bundles that is not on the class path. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (String base : bundles) {
            if (file(base, "").isEmpty()) {
                problems.add("message bundle '" + base + "' is not on the class path: add "
                        + base.replace('.', '/') + ".properties");
            }
        }
        return problems;
    }

    /** The built-in texts only, in English by default: what a bot without configuration uses. */
    static TextCatalog builtIn() {
        return new TextCatalog(Locale.ENGLISH, List.of(), TextCatalog.class.getClassLoader(), null, Map.of());
    }

    /**
     * The locale used when neither the user nor the chat has one.
     *
     * @return the bot's default locale; English unless {@link Bot.Builder#defaultLocale} chose another
     */
    public Locale defaultLocale() {
        return defaultLocale;
    }

    /**
     * The sentences the bot answers with on its own in {@code locale}: those given for it with
     * {@link Bot.Builder#texts(Locale, BotTexts)}, else those of {@link Bot.Builder#texts(BotTexts)}
     * for every locale, else the shipped translation.
     *
     * @param locale the reader's locale
     * @return the texts; never null
     */
    public BotTexts botTexts(Locale locale) {
        BotTexts texts = resolved.get(locale);
        if (texts == null) {
            texts = resolved.computeIfAbsent(locale, this::resolveBotTexts);
        }
        return texts;
    }

    private BotTexts resolveBotTexts(Locale locale) {
        BotTexts given = explicit.get(locale);
        if (given == null && !locale.getCountry().isEmpty()) {
            given = explicit.get(new Locale(locale.getLanguage()));
        }
        if (given != null) {
            return given;
        }
        if (everywhere != null) {
            return everywhere;
        }
        return new BotTexts(raw(locale, "bot.notAllowed"), raw(locale, "bot.cooldown"),
                raw(locale, "bot.usageError"), raw(locale, "bot.apology"));
    }

    /**
     * The text under {@code key} in {@code locale}, with {@code args} put in its {@code {0}},
     * {@code {1}}, … placeholders.
     *
     * @param locale the reader's locale
     * @param key the key in the bot's message bundles or the built-in ones
     * @param args the values of the placeholders, in order
     * @return the formatted text
     * @throws MissingResourceException when no bundle has {@code key}
     */
    public String text(Locale locale, String key, Object... args) {
        String pattern = raw(locale, key);
        return args.length == 0 && pattern.indexOf('\'') < 0 ? pattern
                : new MessageFormat(pattern, locale).format(args);
    }

    /**
     * True when one of the bundles has {@code key}.
     *
     * @param key the key to look for
     * @return whether {@link #text(Locale, String, Object...)} finds it
     */
    public boolean has(String key) {
        for (ResourceBundle bundle : chain(defaultLocale)) {
            if (bundle.containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    private String raw(Locale locale, String key) {
        for (ResourceBundle bundle : chain(locale)) {
            if (bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        throw new MissingResourceException("no text '" + key + "' in the bundles " + bundles
                + "; add it to the .properties file of " + bundles.get(0), bundles.get(0), key);
    }

    private List<ResourceBundle> chain(Locale locale) {
        List<ResourceBundle> chain = chains.get(locale);
        if (chain == null) {
            chain = chains.computeIfAbsent(locale, this::load);
        }
        return chain;
    }

    private List<ResourceBundle> load(Locale locale) {
        List<ResourceBundle> chain = new ArrayList<>();
        for (String base : bundles) {
            List<ResourceBundle> specific = files(base, locale);
            if (specific.isEmpty() && !locale.getLanguage().equals("en") && !locale.equals(defaultLocale)) {
                // Only the base file (English) would match: the bot's default language comes first.
                specific = files(base, defaultLocale);
            }
            chain.addAll(specific);
            file(base, "").ifPresent(chain::add);
        }
        return List.copyOf(chain);
    }

    /** The files of {@code locale} for {@code base}, most specific first, without the base file. */
    private List<ResourceBundle> files(String base, Locale locale) {
        List<ResourceBundle> found = new ArrayList<>(2);
        if (locale.getLanguage().isEmpty()) {
            return found;
        }
        if (!locale.getCountry().isEmpty()) {
            file(base, "_" + locale.getLanguage() + "_" + locale.getCountry()).ifPresent(found::add);
        }
        file(base, "_" + locale.getLanguage()).ifPresent(found::add);
        return found;
    }

    /**
     * One {@code .properties} file of a bundle, read as UTF-8 ({@link PropertyResourceBundle} does
     * since Java 9). Read by hand rather than through {@code ResourceBundle.getBundle} with a
     * {@code Control}, which named modules refuse; the built-in texts are read from Chorus's own
     * module, the bot's through the class loader (in a named module, open the bundle's package).
     */
    private Optional<ResourceBundle> file(String base, String suffix) {
        String name = base.replace('.', '/') + suffix + ".properties";
        try (InputStream in = base.equals(BUILT_IN) ? TextCatalog.class.getResourceAsStream("/" + name)
                : loader == null ? ClassLoader.getSystemResourceAsStream(name) : loader.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(new PropertyResourceBundle(in));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the texts " + name + ": " + e.getMessage(), e);
        }
    }
}
