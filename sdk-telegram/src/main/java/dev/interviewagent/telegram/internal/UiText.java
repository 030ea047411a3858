package dev.interviewagent.telegram.internal;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.internal.text.Bundles;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The Telegram channel's own localised strings ({@code dev/interviewagent/telegram/messages*.properties}). */
public final class UiText {

    /** The bundle's base name. */
    public static final String BUNDLE = "dev.interviewagent.telegram.messages";

    private UiText() {
    }

    /** The text of {@code key} in {@code language}, formatted with {@code args} (MessageFormat: {@code ''} is an apostrophe). */
    public static String get(Language language, String key, Object... args) {
        String pattern = bundle(language).getString(key);
        return new MessageFormat(pattern, language.locale()).format(args);
    }

    /** The bundle of one language, without fallback to another language. */
    public static ResourceBundle bundle(Language language) {
        return Bundles.load(BUNDLE, language.locale(), UiText.class.getClassLoader(),
                name -> UiText.class.getResourceAsStream(name));
    }
}
