package coach.chat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Every sentence a user reads, from {@code messages_zh.properties} and {@code messages_en.properties}. */
public final class Texts {

    public static final String ZH = "zh";
    public static final String EN = "en";

    private final Map<String, ResourceBundle> bundles = Map.of(
            ZH, ResourceBundle.getBundle("messages", Locale.forLanguageTag(ZH), NO_FALLBACK),
            EN, ResourceBundle.getBundle("messages", Locale.forLanguageTag(EN), NO_FALLBACK));

    private static final Pattern CHOICE = Pattern.compile("\\{\\d+,\\s*choice\\s*,");
    /**
     * Each text read so far, parsed once when it has a choice and empty when it has none (a text is read from one
     * language's file, so it keeps that language's number format); a format is not thread-safe, so each is used by
     * one thread at a time.
     */
    private final Map<String, Optional<MessageFormat>> formats = new ConcurrentHashMap<>();

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The UI language for a Telegram language code: Chinese unless the client speaks another language. */
    public static String languageFor(String languageCode) {
        if (languageCode == null || languageCode.isBlank()) {
            return ZH;
        }
        return languageCode.toLowerCase(Locale.ROOT).startsWith("zh") ? ZH : EN;
    }

    /** The text cut to at most {@code max} characters and an ellipsis, never between the two halves of an emoji. */
    public static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max;
        return text.substring(0, end) + "…";
    }

    /**
     * The text for a key with {0}, {1}... replaced by the arguments as given (escape them first for HTML). A text with
     * a choice, such as {@code {0,choice,1#1 day|1<{0} days}} for English plurals, is a {@link MessageFormat} pattern
     * as a whole (an apostrophe is written twice there) and its numbers are formatted for the language.
     */
    public String get(String language, String key, Object... args) {
        ResourceBundle bundle = bundles.getOrDefault(language, bundles.get(ZH));
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no text for key " + key, e);
        }
        Optional<MessageFormat> withChoice = formats.computeIfAbsent(text, t -> CHOICE.matcher(t).find()
                ? Optional.of(new MessageFormat(t,
                        Locale.forLanguageTag(bundles.containsKey(language) ? language : ZH)))
                : Optional.empty());
        if (withChoice.isPresent()) {
            MessageFormat format = withChoice.get();
            synchronized (format) {
                return format.format(args);
            }
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }
}
