package dev.interviewagent.core.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.channel.ChannelControl;
import dev.interviewagent.core.channel.ChannelControls;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel's {@link ChannelControls} kept on an interview as one reserved attribute, a small JSON object such as
 * {@code {"finish_early":{"kind":"button","labels":{"en":"End interview","ru":"Завершить интервью"}}}} (controls
 * of kind {@code none} are left out). Stored in the attributes so every store keeps it without a schema change; an
 * interview stored before channels told their controls has none and reads as {@link ChannelControls#NEUTRAL}.
 * Stateless.
 */
public final class ControlsAttribute {

    /** Reserved attribute: the controls of the channel the interview started on. */
    public static final String KEY = "engine.controls";

    private static final Logger log = LoggerFactory.getLogger(ControlsAttribute.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String[] NAMES = {"finish_early", "pause", "status", "report", "help", "repeat"};

    private ControlsAttribute() {
    }

    /** The attribute value of {@code controls}; null for neutral controls, which need no attribute. */
    public static @Nullable String encode(ChannelControls controls) {
        if (controls.all().stream().allMatch(c -> c.kind() == ChannelControl.Kind.NONE)) {
            return null;
        }
        ObjectNode root = JSON.createObjectNode();
        for (int i = 0; i < NAMES.length; i++) {
            ChannelControl control = controls.all().get(i);
            if (control.kind() == ChannelControl.Kind.NONE) {
                continue;
            }
            ObjectNode node = root.putObject(NAMES[i]);
            node.put("kind", control.kind().name().toLowerCase(Locale.ROOT));
            ObjectNode labels = node.putObject("labels");
            for (Language language : Language.available()) {
                String label = control.labels().get(language);
                if (label != null) {
                    labels.put(language.code(), label);
                }
            }
        }
        return root.toString();
    }

    /**
     * The controls an attribute value holds; {@link ChannelControls#NEUTRAL} when it is null (an interview stored
     * before controls existed, or started without them) or unreadable, and {@code NONE} for a control it does not
     * understand: a message then names nothing rather than a wrong control.
     */
    public static ChannelControls decode(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return ChannelControls.NEUTRAL;
        }
        try {
            JsonNode root = JSON.readTree(value);
            ChannelControl[] controls = new ChannelControl[NAMES.length];
            for (int i = 0; i < NAMES.length; i++) {
                controls[i] = control(root.path(NAMES[i]));
            }
            return new ChannelControls(controls[0], controls[1], controls[2], controls[3], controls[4], controls[5]);
        } catch (IOException | RuntimeException e) {
            log.debug("unreadable channel controls attribute, worded neutrally: {}", e.toString());
            return ChannelControls.NEUTRAL;
        }
    }

    private static ChannelControl control(JsonNode node) {
        if (!node.isObject()) {
            return ChannelControl.NONE;
        }
        ChannelControl.Kind kind;
        try {
            kind = ChannelControl.Kind.valueOf(node.path("kind").asText("").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ChannelControl.NONE;
        }
        Map<Language, String> labels = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("labels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Language.fromCode(e.getKey()).ifPresent(language -> labels.put(language, e.getValue().asText()));
        }
        try {
            return kind == ChannelControl.Kind.NONE ? ChannelControl.NONE : new ChannelControl(kind, labels);
        } catch (IllegalArgumentException e) {
            return ChannelControl.NONE;
        }
    }
}
