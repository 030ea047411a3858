package dev.interviewagent.spring.boot.properties;

import dev.interviewagent.core.config.InterviewSettings;
import org.jspecify.annotations.Nullable;

/** How new interviews start when the channel leaves it open: {@code interview.start.*}. */
public final class StartProperties {

    /**
     * Language of new interviews whose channel does not choose one. Unset: detected from the channel's locale and the
     * first answer.
     */
    private @Nullable String language;

    /**
     * Interviewer style of new interviews whose channel does not choose one: master, telegram, conversational,
     * stage_specific, conversation_management or a host's own style.
     */
    private String style = "master";

    /**
     * The interview guide new interviews follow: a JSON file of the built-in guide's shape (stages, goals, seed
     * questions; see docs/core.md), as a file path or classpath:path/in/a/jar.json. Unset: the built-in expertise
     * guide.
     */
    private @Nullable String guide;

    public @Nullable String getLanguage() {
        return language;
    }

    public void setLanguage(@Nullable String language) {
        this.language = language;
    }

    public String getStyle() {
        return style;
    }

    public void setStyle(String style) {
        this.style = style;
    }

    public @Nullable String getGuide() {
        return guide;
    }

    public void setGuide(@Nullable String guide) {
        this.guide = guide;
    }

    void collect(SettingValues values) {
        values.put(InterviewSettings.START_LANGUAGE, language);
        values.put(InterviewSettings.START_STYLE, style);
        values.put(InterviewSettings.START_GUIDE, guide);
    }
}
