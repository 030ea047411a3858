package dev.interviewagent.websocket;

import static dev.interviewagent.websocket.WsClient.frame;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.persistence.JdbcInterviewStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A web respondent's rights over their data: the interviews a browser started with its client key are found by the
 * respondent key through sdk-persistence's {@code PrivacyOperations} (export and erasure), on the embedded store;
 * the raw client key is stored nowhere.
 */
class WebRespondentDataTest {

    @TempDir
    Path dir;

    @Test
    void should_export_and_delete_every_interview_of_a_client_key_and_never_store_the_key() throws Exception {
        String clientKey = "ck" + UUID.randomUUID().toString().replace("-", "");
        String otherKey = "ok" + UUID.randomUUID().toString().replace("-", "");
        List<String> mine = new ArrayList<>();
        String others;
        try (JdbcInterviewStore store = JdbcInterviewStore.embedded(dir)) {
            try (InterviewEngine engine = InterviewEngine.builder().store(store).build();
                 WebSocketInterviews interviews = WebSocketInterviews.builder(engine).build();
                 Container container = Container.Kind.JETTY.start(interviews)) {
                try (WsClient client = WsClient.connect(container.uri(interviews.path()))) {
                    for (String id : List.of("w-1", "w-2")) {
                        client.send(frame("start").put("clientMessageId", id).put("clientKey", clientKey)
                                .put("language", "en"));
                        mine.add(client.next("session").path("interviewId").asText());
                        client.next("question");
                        client.send(frame("answer").put("clientMessageId", id + "-a").put("text",
                                Answers.rich("en", mine.size())));
                        client.next("question");
                    }
                }
                try (WsClient client = WsClient.connect(container.uri(interviews.path()))) {
                    client.send(frame("start").put("clientMessageId", "x-1").put("clientKey", otherKey));
                    others = client.next("session").path("interviewId").asText();
                }
            }
            String key = WebSocketInterviews.respondentKey(clientKey);

            // both interviews of the browser, and nothing of another browser
            assertThat(store.findByChannelKey(key)).extracting(InterviewId::value)
                    .containsExactlyInAnyOrderElementsOf(mine);
            assertThat(store.findByChannelKey(WebSocketInterviews.respondentKey(
                    "zz" + UUID.randomUUID().toString().replace("-", "")))).isEmpty();
            // the raw client key is nowhere in the database, in any table
            assertThat(databaseDump(dir)).contains(key.substring("web:".length())).doesNotContain(clientKey)
                    .doesNotContain(otherKey);

            // export and erasure as docs/websocket.md shows them
            WebSocketDocsTest.Erased erased = WebSocketDocsTest.exportAndErase(store, clientKey);
            assertThat(erased.json()).contains(mine.get(0), mine.get(1)).doesNotContain(others)
                    .doesNotContain(clientKey);
            assertThat(erased.deleted()).isEqualTo(2);
            assertThat(store.findByChannelKey(key)).isEmpty();
            assertThat(store.load(InterviewId.of(others))).isPresent();
        }
    }

    /** Every row of every table, as H2's SQL script. */
    private static String databaseDump(Path dir) throws Exception {
        StringBuilder dump = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(JdbcInterviewStore.embeddedUrl(dir));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SCRIPT")) {
            while (rows.next()) {
                dump.append(rows.getString(1)).append('\n');
            }
        }
        assertThat(dump).as("the dump holds the interviews").contains("INSERT INTO");
        return dump.toString();
    }
}
