package dev.interviewagent.core.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Hides what must not be shown: secrets entirely, and passwords or keys inside URLs. */
final class Masking {

    static final String MASK = "<masked>";

    private static final Pattern QUERY_SECRET = Pattern.compile(
            "(?i)((?:password|passwd|pwd|secret|token|api[-_]?key|access[-_]?key|key)=)[^;&\\s]*");
    private static final Pattern USER_INFO = Pattern.compile("(://)([^/@\\s]*)@");

    private Masking() {
    }

    /**
     * {@code jdbc:postgresql://db/app?user=u&password=p} → {@code …password=<masked>}, and
     * {@code redis://user:p@host} → {@code redis://user:<masked>@host} (a lone user-info part, which Redis reads as a
     * password, is masked whole).
     */
    static String credentials(String text) {
        String masked = QUERY_SECRET.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        Matcher userInfo = USER_INFO.matcher(masked);
        StringBuilder out = new StringBuilder();
        while (userInfo.find()) {
            String info = userInfo.group(2);
            int colon = info.indexOf(':');
            String replacement = colon < 0 ? MASK : info.substring(0, colon + 1) + MASK;
            userInfo.appendReplacement(out, Matcher.quoteReplacement(userInfo.group(1) + replacement + "@"));
        }
        userInfo.appendTail(out);
        return out.toString();
    }
}
