package dev.interviewagent.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test steps over the API: start an interview, answer it. */
final class Interviews {

    /** What a water-treatment shift supervisor tells, one answer a turn, each different. */
    static final List<String> ANSWERS = List.of(
            "I have run the night shift at the municipal water treatment plant for twelve years, first as an operator.",
            "Most nights I walk the filter gallery at ten, then check the chlorine dosing pumps, because they drift"
                    + " when the tank is cold and the residual drops below 0.5 mg/l by morning.",
            "Last February a turbidity sensor froze and read a perfectly flat line; I only caught it because real"
                    + " water is never that steady, so I took a grab sample and found 4 NTU instead of 0.3.",
            "The mistake newcomers make is trusting the SCADA screen over their own eyes; I teach them to compare"
                    + " every alarm with a hand sample before they touch a valve.",
            "If I had to pass on one habit it would be the second walk at three in the morning: most failures start"
                    + " small, a pump that sounds different, a smell near the sludge tank.");

    private Interviews() {
    }

    /** A started interview. */
    record Started(String id, String token, JsonNode body) {
        String path() {
            return "/api/interviews/" + id;
        }
    }

    static Started start(ApiClient api, Map<String, Object> body) {
        ApiClient.Reply reply = body == null ? api.post("/api/interviews").send()
                : api.post("/api/interviews").json(body).send();
        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        JsonNode json = reply.json();
        return new Started(json.path("interviewId").asText(), json.path("token").asText(), json);
    }

    static Started start(ApiClient api) {
        return start(api, Map.of("language", "en"));
    }

    static ApiClient.Reply answer(ApiClient api, Started interview, String key, String text) {
        return api.post(interview.path() + "/answers").bearer(interview.token()).idempotencyKey(key)
                .json(Map.of("text", text)).send();
    }

    /** Answers {@code n} questions with the stock answers; returns the last reply. */
    static JsonNode answerSome(ApiClient api, Started interview, int n) {
        JsonNode last = null;
        for (int i = 0; i < n; i++) {
            ApiClient.Reply reply = answer(api, interview, UUID.randomUUID().toString(),
                    ANSWERS.get(i % ANSWERS.size()));
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
            last = reply.json();
        }
        return last;
    }
}
