package dev.interviewagent.telegram.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.telegram.telegrambots.meta.TelegramUrl;

/** Where a bot is reached (the Bot API server) and what its updates are scoped by (its id, never its secret). */
public final class BotAddress {

    private static final Pattern BOT_ID = Pattern.compile("(\\d{1,20}):.+");

    private BotAddress() {
    }

    /**
     * The Bot API server of {@code scheme://host[:port]}.
     *
     * @throws IllegalArgumentException if it is not an http(s) URL without a path
     */
    public static TelegramUrl apiUrl(String apiUrl) {
        URI uri = URI.create(apiUrl);
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("apiUrl must be http(s)://host[:port], was " + apiUrl);
        }
        if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
            throw new IllegalArgumentException("apiUrl must not have a path (telegrambots adds /bot<token>/), was "
                    + apiUrl);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new TelegramUrl(scheme, uri.getHost(), port, false);
    }

    /** {@code telegram:<botId>}: update ids are unique per bot. The token's secret part never leaves the process. */
    public static String inboxScope(String token) {
        var matcher = BOT_ID.matcher(token);
        if (matcher.matches()) {
            return "telegram:" + matcher.group(1);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return "telegram:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
