package dev.interviewagent.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.core.guide.InterviewGuide;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A host's own guide, as JSON of the built-in shape with its own stage names: a field-service guide (public: the
 * sample server's browser test shows it).
 */
public final class Guides {

    /** The field-service guide's stage names, English then Russian, in stage order. */
    public static final List<List<String>> FIELD_SERVICE_TITLES = List.of(
            List.of("Hello", "Здравствуйте"),
            List.of("Your years in the field", "Ваши годы в поле"),
            List.of("What the job is for", "Зачем нужна эта работа"),
            List.of("A normal call-out", "Обычный выезд"),
            List.of("Rookie and veteran", "Новичок и ветеран"),
            List.of("When repairs go wrong", "Когда ремонт не удался"),
            List.of("Gut feeling on site", "Чутьё на объекте"),
            List.of("Learning the trade", "Как осваивают ремесло"),
            List.of("Closing", "Завершение"));

    private Guides() {
    }

    /** The built-in guide's content under the id {@code field-service} with {@link #FIELD_SERVICE_TITLES}. */
    public static InterviewGuide fieldService() {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = InterviewGuide.class.getResourceAsStream(InterviewGuide.BUILT_IN_RESOURCE)) {
            ObjectNode root = (ObjectNode) json.readTree(in);
            root.put("id", "field-service");
            int i = 0;
            for (JsonNode stage : root.get("stages")) {
                List<String> titles = FIELD_SERVICE_TITLES.get(i++);
                ((ObjectNode) stage).putObject("title").put("en", titles.get(0)).put("ru", titles.get(1));
            }
            return InterviewGuide.fromJson(new ByteArrayInputStream(json.writeValueAsBytes(root)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
