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

    void collect(SettingValues values) {
        values.put(InterviewSettings.START_LANGUAGE, language);
        values.put(InterviewSettings.START_STYLE, style);
    }
}
