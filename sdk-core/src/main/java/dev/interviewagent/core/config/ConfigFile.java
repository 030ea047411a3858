package dev.interviewagent.core.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Reads the configuration file that {@link InterviewSettings#CONFIG_FILE} names: Java properties in UTF-8. */
final class ConfigFile {

    private ConfigFile() {
    }

    /** The file's properties; an {@link InvalidConfigurationException} if it is missing or not readable. */
    static Map<String, String> read(Setting<String> setting, Path path, String source) {
        if (!Files.isRegularFile(path)) {
            throw new InvalidConfigurationException(setting, setting.name() + " names a file that does not"
                    + " exist: " + path + " (from " + source + ")");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidConfigurationException(setting, setting.name() + " names a file that cannot be"
                    + " read as properties: " + path + " (from " + source + "): " + e.getClass().getSimpleName(),
                    null);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            values.put(name, properties.getProperty(name));
        }
        return values;
    }
}
