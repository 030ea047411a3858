package dev.interviewagent.spring.boot.properties;

import dev.interviewagent.core.config.InterviewSettings;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The Telegram channel: {@code interview.telegram.*} (read by the Telegram module from {@code InterviewConfig}). */
public final class TelegramProperties {

    /** The Telegram bot's token from @BotFather (required by the bot). Secret. */
    private @Nullable String botToken;

    /** Bot API server, e.g. a self-hosted telegram-bot-api. */
    private String apiUrl = "https://api.telegram.org";

    /** Telegram user ids allowed to use /metrics, comma-separated. */
    private List<Long> adminIds = new ArrayList<>();

    /** Answer in group chats too (default: private chats only). */
    private boolean allowGroups = false;

    /** Send every question as a voice message too (needs a text-to-speech key). */
    private boolean voiceReplies = false;

    /** Webhook mode instead of long polling: the public HTTPS URL Telegram posts updates to. */
    private @Nullable String webhookUrl;

    /** The webhook's secret token (required with a webhook URL); other requests are refused. Secret. */
    private @Nullable String webhookSecret;

    /** Local port of the webhook endpoint (plain HTTP behind the TLS proxy the URL points at). */
    private int webhookPort = 8443;

    public @Nullable String getBotToken() {
        return botToken;
    }

    public void setBotToken(@Nullable String botToken) {
        this.botToken = botToken;
    }

    public String getApiUrl() {
        return apiUrl;
    }

    public void setApiUrl(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    public List<Long> getAdminIds() {
        return adminIds;
    }

    public void setAdminIds(List<Long> adminIds) {
        this.adminIds = adminIds;
    }

    public boolean isAllowGroups() {
        return allowGroups;
    }

    public void setAllowGroups(boolean allowGroups) {
        this.allowGroups = allowGroups;
    }

    public boolean isVoiceReplies() {
        return voiceReplies;
    }

    public void setVoiceReplies(boolean voiceReplies) {
        this.voiceReplies = voiceReplies;
    }

    public @Nullable String getWebhookUrl() {
        return webhookUrl;
    }

    public void setWebhookUrl(@Nullable String webhookUrl) {
        this.webhookUrl = webhookUrl;
    }

    public @Nullable String getWebhookSecret() {
        return webhookSecret;
    }

    public void setWebhookSecret(@Nullable String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public int getWebhookPort() {
        return webhookPort;
    }

    public void setWebhookPort(int webhookPort) {
        this.webhookPort = webhookPort;
    }

    void collect(SettingValues values) {
        values.put(InterviewSettings.TELEGRAM_BOT_TOKEN, botToken);
        values.put(InterviewSettings.TELEGRAM_API_URL, apiUrl);
        values.put(InterviewSettings.TELEGRAM_ADMIN_IDS, adminIds);
        values.put(InterviewSettings.TELEGRAM_ALLOW_GROUPS, allowGroups);
        values.put(InterviewSettings.TELEGRAM_VOICE_REPLIES, voiceReplies);
        values.put(InterviewSettings.TELEGRAM_WEBHOOK_URL, webhookUrl);
        values.put(InterviewSettings.TELEGRAM_WEBHOOK_SECRET, webhookSecret);
        values.put(InterviewSettings.TELEGRAM_WEBHOOK_PORT, webhookPort);
    }
}
