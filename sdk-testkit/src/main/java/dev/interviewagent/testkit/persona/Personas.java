package dev.interviewagent.testkit.persona;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Reads personas: the sixteen built in (eight English, eight Russian, each a different profession) and a host's own
 * files. Every persona read is validated; a file with problems is rejected with all of them named.
 *
 * <pre>{@code
 * List<Persona> mine = Personas.readAll(Path.of("src/test/personas"));
 * List<Persona> ours = Personas.builtIn();
 * }</pre>
 */
public final class Personas {

    /** The built-in personas' ids, in the order {@link #builtIn()} returns them. */
    public static final List<String> BUILT_IN = List.of(
            "en/cheesemaker", "en/mine-surveyor", "en/orchestra-conductor", "en/tower-crane-operator",
            "en/emergency-dispatcher", "en/piano-tuner", "en/wildland-fire-crew-boss", "en/sommelier",
            "ru/tax-adviser", "ru/bakery-technologist", "ru/ship-engineer", "ru/railway-dispatcher",
            "ru/furniture-restorer", "ru/paramedic", "ru/agronomist", "ru/drilling-geologist");

    private static final String RESOURCES = "/dev/interviewagent/testkit/personas/";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private Personas() {
    }

    /** All built-in personas, English first. */
    public static List<Persona> builtIn() {
        List<Persona> all = new ArrayList<>();
        for (String name : BUILT_IN) {
            all.add(builtIn(name));
        }
        return all;
    }

    /**
     * One built-in persona by its path, e.g. {@code en/cheesemaker}.
     *
     * @throws IllegalArgumentException if there is no such persona
     */
    public static Persona builtIn(String name) {
        try (InputStream in = Personas.class.getResourceAsStream(RESOURCES + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no built-in persona " + name + "; known: " + BUILT_IN);
            }
            return read(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads and validates one persona.
     *
     * @param origin names the source in error messages
     * @throws IllegalArgumentException if the JSON is malformed or the persona is invalid
     */
    public static Persona read(InputStream json, String origin) {
        Objects.requireNonNull(json, "json");
        Persona persona;
        try {
            persona = JSON.readValue(json, Persona.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("persona " + origin + " is not valid JSON of the persona format: "
                    + e.getMessage(), e);
        }
        List<String> problems = persona.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("persona " + origin + " is invalid: " + String.join("; ", problems));
        }
        return persona;
    }

    /** Reads one persona file. */
    public static Persona read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads every {@code *.json} file under {@code directory}, sorted by path. */
    public static List<Persona> readAll(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().map(Personas::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
