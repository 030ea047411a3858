package dev.interviewagent.core.config;

import java.util.Comparator;

/** The hint after an unknown configuration key: the dotted name of a misused environment variable, or a near miss. */
final class KeyHints {

    private KeyHints() {
    }

    /** "; did you mean interview.store.url?" for a near miss or an environment variable name used as a key. */
    static String hint(String key) {
        for (Setting<?> setting : InterviewSettings.all()) {
            if (key.equals(setting.environmentVariable()) || setting.deprecatedEnvironmentVariables().contains(key)) {
                return "; files and system properties use dotted names: " + setting.name();
            }
        }
        return InterviewSettings.all().stream().map(Setting::name)
                .min(Comparator.comparingInt(name -> distance(name, key)))
                .filter(name -> distance(name, key) <= 3)
                .map(name -> "; did you mean " + name + "?")
                .orElse(" (see docs/configuration.md)");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
