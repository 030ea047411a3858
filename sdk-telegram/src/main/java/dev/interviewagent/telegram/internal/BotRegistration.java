package dev.interviewagent.telegram.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewagent.core.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.ExponentialBackOff;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/** What a bot tells Telegram about itself at start: its command menus, and how it receives updates. */
public final class BotRegistration {

    private static final Logger log = LoggerFactory.getLogger(BotRegistration.class);
    private static final List<String> COMMANDS = List.of("start", "status", "complete", "repeat",
            "report", "language", "style", "reset", "help", "delete_my_data");

    private BotRegistration() {
    }

    /** Sets the command menus in every supported language, plus {@code /metrics} for each admin's private chat. */
    public static void registerCommands(TelegramApi api, Set<Long> adminIds) {
        for (Language language : Language.available()) {
            SetMyCommands.SetMyCommandsBuilder<?, ?> commands = SetMyCommands.builder()
                    .commands(commands(language, false)).scope(new BotCommandScopeDefault());
            if (language != Language.ENGLISH) {
                commands.languageCode(language.code());
            }
            api.execute(commands.build());
        }
        for (Long admin : adminIds) {
            api.execute(SetMyCommands.builder().commands(commands(Language.ENGLISH, true))
                    .scope(new BotCommandScopeChat(String.valueOf(admin))).build());
        }
    }

    private static List<BotCommand> commands(Language language, boolean admin) {
        List<BotCommand> out = new ArrayList<>();
        for (String name : COMMANDS) {
            out.add(new BotCommand(name, UiText.get(language, "command." + name)));
        }
        if (admin) {
            out.add(new BotCommand("metrics", UiText.get(language, "command.metrics")));
        }
        return out;
    }

    /**
     * Registers the webhook with its secret token ({@code setWebhook}).
     *
     * @throws IllegalStateException if Telegram refused it or could not be reached
     */
    public static void registerWebhook(OkHttpClient http, String token, TelegramUrl url, String webhookUrl,
                                       WebhookSecret secret) {
        SetWebhook request = SetWebhook.builder().url(webhookUrl).secretToken(secret.value()).build();
        try {
            new OkHttpTelegramClient(http, token, url).execute(request);
        } catch (TelegramApiException e) {
            throw new IllegalStateException("setWebhook failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Starts long polling, {@code intake} taking the updates; the returned application stops it on close.
     *
     * @throws IllegalStateException if polling could not start
     */
    public static TelegramBotsLongPollingApplication startPolling(OkHttpClient http, String token, TelegramUrl url,
                                                                  UpdateIntake intake, int replayed) {
        TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication(
                ObjectMapper::new, () -> http,
                Executors::newSingleThreadScheduledExecutor, ExponentialBackOff::new);
        try {
            BotSession session = app.registerBot(token, () -> url, LenientGetUpdates.GENERATOR,
                    intake::onPolled);
            log.info("Telegram long polling started ({}; {} pending updates replayed)",
                    session.isRunning() ? "running" : "starting", replayed);
            return app;
        } catch (Exception e) {
            closeQuietly(app);
            throw new IllegalStateException("could not start long polling: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Stops long polling; a failure to stop is only logged. */
    public static void closeQuietly(TelegramBotsLongPollingApplication app) {
        try {
            app.close();
        } catch (Exception e) {
            log.debug("closing long polling failed: {}", e.getClass().getSimpleName());
        }
    }

    /** Daemon threads named {@code prefix1}, {@code prefix2}, … for the pools the channel creates. */
    public static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
