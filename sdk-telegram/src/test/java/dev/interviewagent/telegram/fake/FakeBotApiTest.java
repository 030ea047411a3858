package dev.interviewagent.telegram.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake follows the Bot API's conventions and the spec's required fields. */
class FakeBotApiTest {

    private final FakeBotApi api = FakeBotApi.start("1:t");
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        api.close();
    }

    private HttpResponse<String> post(String method, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(api.url() + "/bot1:t/" + method))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void should_answer_400_when_a_required_field_is_missing() throws Exception {
        HttpResponse<String> response = post("sendMessage", "{\"chat_id\":1}");
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body.path("ok").asBoolean()).isFalse();
        assertThat(body.path("error_code").asInt()).isEqualTo(400);
        assertThat(body.path("description").asText()).contains("text");
    }

    @Test
    void should_answer_404_when_the_method_is_unknown_and_ok_when_the_call_is_valid() throws Exception {
        assertThat(post("sendTelepathy", "{}").statusCode()).isEqualTo(404);
        HttpResponse<String> ok = post("sendMessage", "{\"chat_id\":1,\"text\":\"hi\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(ok.body()).path("result").path("message_id").asInt()).isPositive();
    }

    @Test
    void should_refuse_a_text_when_it_is_over_4096_characters() throws Exception {
        assertThat(post("sendMessage", "{\"chat_id\":1,\"text\":\"" + "a".repeat(4097) + "\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void should_forget_confirmed_updates_when_polled_with_a_higher_offset() throws Exception {
        int first = api.push(FakeBotApi.text(1, "en", "one"));
        int second = api.push(FakeBotApi.text(1, "en", "two"));
        JsonNode all = new ObjectMapper().readTree(post("getUpdates", "{\"offset\":0,\"timeout\":0}").body());
        assertThat(all.path("result")).hasSize(2);
        JsonNode rest = new ObjectMapper().readTree(post("getUpdates", "{\"offset\":" + second + ",\"timeout\":0}")
                .body());
        assertThat(rest.path("result")).hasSize(1);
        assertThat(rest.path("result").get(0).path("update_id").asInt()).isEqualTo(second);
        api.awaitTaken(first, java.time.Duration.ofSeconds(1));
    }
}
