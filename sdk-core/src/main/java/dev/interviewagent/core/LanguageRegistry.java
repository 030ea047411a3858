package dev.interviewagent.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The languages available at run time: the built-in ones plus every code listed by a
 * {@value #INDEX} resource on the classpath. Read once, on first use; one {@link Language} instance per code.
 */
final class LanguageRegistry {

    /** The index resource: one language code per line; blank lines and lines starting with {@code #} are skipped. */
    static final String INDEX = "META-INF/interview-agent/languages";

    private static final Pattern CODE = Pattern.compile("[a-z]{2,3}");

    private LanguageRegistry() {
    }

    static List<Language> available() {
        return Holder.AVAILABLE;
    }

    private static final class Holder {
        static final List<Language> AVAILABLE = load();
    }

    private static List<Language> load() {
        TreeSet<String> codes = new TreeSet<>();
        try {
            Enumeration<URL> indexes = LanguageRegistry.class.getClassLoader().getResources(INDEX);
            while (indexes.hasMoreElements()) {
                codes.addAll(read(indexes.nextElement()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + INDEX, e);
        }
        List<Language> languages = new ArrayList<>(Language.builtIn());
        for (String code : codes) {
            if (languages.stream().noneMatch(language -> language.code().equals(code))) {
                languages.add(Language.discovered(code, Locale.forLanguageTag(code), languages.size()));
            }
        }
        return List.copyOf(languages);
    }

    private static List<String> read(URL index) throws IOException {
        List<String> codes = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String code = line.strip().toLowerCase(Locale.ROOT);
                if (code.isEmpty() || code.startsWith("#")) {
                    continue;
                }
                if (!CODE.matcher(code).matches()) {
                    throw new IllegalStateException(index + ": not an ISO 639 language code: '" + line + "'");
                }
                codes.add(code);
            }
        }
        return codes;
    }
}
