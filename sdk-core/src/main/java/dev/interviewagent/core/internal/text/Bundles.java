package dev.interviewagent.core.internal.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Loads a {@code .properties} bundle of one language without falling back to the JVM's default locale (a respondent
 * writing English must never get Russian labels because the server runs in Russia).
 *
 * <p>On the class path this is {@code ResourceBundle.getBundle} with the no-fallback control, as before. In a named
 * module {@code getBundle} refuses a {@link ResourceBundle.Control} ({@link UnsupportedOperationException}), so the
 * same candidate files are read through {@code opener}, which the calling module supplies so that its own,
 * encapsulated resource packages stay readable.
 */
public final class Bundles {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Bundles() {
    }

    /**
     * The bundle {@code baseName} for {@code locale}: the most specific of {@code base_lang_COUNTRY}, {@code base_lang}
     * and {@code base}, each with the less specific ones as parents.
     *
     * @param loader the class loader the caller's resources come from (used on the class path)
     * @param opener opens a resource by its absolute name, e.g. {@code c -> Foo.class.getResourceAsStream(c)} written
     *               in the caller's module (used on the module path)
     * @throws MissingResourceException if none of the candidate files exists
     */
    public static ResourceBundle load(String baseName, Locale locale, ClassLoader loader,
                                      Function<String, @Nullable InputStream> opener) {
        Objects.requireNonNull(baseName, "baseName");
        Objects.requireNonNull(locale, "locale");
        if (!Bundles.class.getModule().isNamed()) {
            return ResourceBundle.getBundle(baseName, locale, loader, NO_FALLBACK);
        }
        List<Locale> candidates = NO_FALLBACK.getCandidateLocales(baseName, locale);
        ResourceBundle bundle = null;
        // candidates run from the most specific to Locale.ROOT: build from the root so each gets its parent
        for (int i = candidates.size() - 1; i >= 0; i--) {
            String name = "/" + NO_FALLBACK.toResourceName(NO_FALLBACK.toBundleName(baseName, candidates.get(i)),
                    "properties");
            try (InputStream in = opener.apply(name)) {
                if (in != null) {
                    bundle = new Linked(in, bundle);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(name + " cannot be read", e);
            }
        }
        if (bundle == null) {
            throw new MissingResourceException("no bundle " + baseName + " for " + locale, baseName, "");
        }
        return bundle;
    }

    /** A properties bundle with a parent. */
    private static final class Linked extends PropertyResourceBundle {
        Linked(InputStream in, @Nullable ResourceBundle parent) throws IOException {
            super(in);
            if (parent != null) {
                setParent(parent);
            }
        }
    }
}
