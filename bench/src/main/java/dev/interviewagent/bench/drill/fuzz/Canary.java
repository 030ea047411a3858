package dev.interviewagent.bench.drill.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.Random;

/** A well-behaved respondent's first steps, to show the server still serves after the fuzz. */
final class Canary {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Canary() {
    }

    /** Whether a new interview starts on a new connection and its first question arrives within 15 s. */
    static boolean interviewStarts(URI uri) {
        try (RawWebSocket ws = RawWebSocket.connect(uri, "192.0.2.77", new Random(7))) {
            ws.sendText("{\"type\":\"start\",\"clientMessageId\":\"canary-1\",\"language\":\"en\"}");
            boolean session = false;
            long deadline = System.currentTimeMillis() + 15_000;
            while (System.currentTimeMillis() < deadline) {
                RawWebSocket.Frame frame = ws.next(deadline - System.currentTimeMillis());
                if (frame == null) {
                    return false;
                }
                JsonNode node = JSON.readTree(frame.text());
                String type = node.path("type").asText();
                session |= type.equals("session");
                if (type.equals("question")) {
                    return session && !node.path("text").asText().isBlank();
                }
                if (type.equals("error")) {
                    return false;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
