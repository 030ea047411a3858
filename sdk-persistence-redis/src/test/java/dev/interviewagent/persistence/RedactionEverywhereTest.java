package dev.interviewagent.persistence;

import static dev.interviewagent.core.spi.testkit.TestInterviews.answer;
import static dev.interviewagent.core.spi.testkit.TestInterviews.newId;
import static dev.interviewagent.core.spi.testkit.TestInterviews.question;
import static dev.interviewagent.core.spi.testkit.TestInterviews.started;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewMemory;
import dev.interviewagent.core.MemberCheck;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Profile;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.channel.ChannelInbox;
import dev.interviewagent.core.channel.ChannelInbox.Entry;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import dev.interviewagent.persistence.redis.RedisConnection;
import dev.interviewagent.persistence.redis.RedisInterviewStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/**
 * With redaction on (and encryption off, so the raw values can be read), an e-mail address and a phone number put in
 * every place a store keeps text — answers, the profile, interviewer turns that quote them, the pending question,
 * asked-question fingerprints, knowledge, recalls, the member check, the interview memory, both report formats, inbox
 * payloads — are found nowhere in the raw database (every table) nor in Redis.
 */
class RedactionEverywhereTest {

    private static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");
    private static final String EMAIL = "ada.lovelace@example.com";
    private static final String PHONE = "+44 20 7946 0958";
    private static final String PII = "write to " + EMAIL + " or call " + PHONE;
    /** What may not appear in any raw value: the address, its domain, the number in any spacing. */
    private static final List<String> TRACES = List.of(EMAIL, "example.com", PHONE, "7946 0958", "79460958",
            "2079460958");

    private final List<AutoCloseable> open = new ArrayList<>();
    private String schema;
    private String prefix;

    @BeforeEach
    void setUp() {
        schema = TestServices.newSchema();
        prefix = TestServices.newRedisPrefix();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        try (JedisPooled jedis = new JedisPooled(TestServices.redisUri())) {
            jedis.keys(prefix + ":*").forEach(jedis::del);
        }
        TestServices.dropSchema(schema);
    }

    @Test
    void should_find_no_email_or_phone_in_any_table_or_redis_key_when_redaction_is_on() throws Exception {
        JdbcInterviewStore database = TestServices.postgres(schema).redactor(PiiRedactor.emailsAndPhones()).build();
        open.add(database);
        RedisConnection redis = RedisConnection.of(TestServices.REDIS_URL, prefix);
        open.add(redis);
        RedisInterviewStore store = RedisInterviewStore.of(database, redis);   // takes the database's redactor
        InterviewId id = newId();
        Interview v1 = started(id, "web:" + id, T0).toBuilder()
                .profile(new Profile("Ada " + EMAIL, "Lead, " + PHONE, "Acme (" + EMAIL + ")", "Energy", 12,
                        "onboarding, " + PII))
                .build();
        store.create(v1, List.of(question(1, T0)));

        Turn a2 = answer(2, "m1", "Sure: " + PII + ".", T0);
        Turn q3 = new Turn(3, Turn.Role.INTERVIEWER, Turn.Kind.QUESTION, "You said \"" + PII + "\" - who answers?",
                Stage.GREETING, Turn.Modality.TEXT, T0, null, null, MessageId.of("m1"), "quote", 1, "methodology",
                false);
        Interview v2 = v1.toBuilder().version(2).turnCount(3).pendingQuestion(q3)
                .addAskedQuestion("you said " + EMAIL + " who answers")
                .addKnowledge(List.of(new KnowledgeItem(KnowledgeKind.EXAMPLE, PII, Stage.GREETING, 2,
                        KnowledgeItem.SOURCE_ANALYZER, List.of("step: " + PII), Map.of("quote", PII))))
                .addRecall(new Interview.Recall(Stage.GREETING, 2, PII), 5)
                .memberCheck(new MemberCheck(MemberCheck.Status.PRESENTED, List.of("You gave " + PII), 3,
                        List.of("my number is " + PHONE)))
                .memory(new InterviewMemory(Map.of("contact", PII), List.of(new InterviewMemory.Episode(2,
                        Stage.GREETING, "the call to " + PHONE, List.of(EMAIL), List.of("when"))),
                        List.of(EMAIL.toLowerCase()), Map.of("you said " + EMAIL, 1), 0, 0, false, List.of(2)))
                .updatedAt(T0).build();
        store.commit(1, v2, List.of(a2, q3));
        store.load(id);                                                         // cached in Redis
        database.archiveReport(id, "{\"respondent\":{\"name\":\"Ada " + EMAIL + "\",\"years\":12},\"quotes\":[\""
                + PII + "\"],\"turns\":3}", "# Report\n\n> " + PII + "\n");
        ChannelInbox inbox = JdbcChannelInbox.of(database);
        inbox.add(new Entry("telegram:1", "912345678", "{\"update_id\":912345678,\"message\":{\"chat\":{\"id\":"
                + "4242424242},\"from\":{\"first_name\":\"Ada\",\"username\":\"" + EMAIL + "\"},\"text\":\"" + PII
                + "\"}}"));
        inbox.add(new Entry("plain:1", "1", "plain payload: " + PII));

        String everything = allRows() + "\n" + allRedisValues();

        assertThat(everything).contains("[email]", "[phone]", "Acme", "onboarding");
        for (String trace : TRACES) {
            assertThat(everything).as("raw database and Redis").doesNotContain(trace);
        }
        // what stays is usable: the state loads, the JSON payload keeps its ids and structure
        assertThat(database.load(id).orElseThrow().profile().expertName()).isEqualTo("Ada [email]");
        assertThat(store.load(id).orElseThrow().pendingQuestion().text())
                .isEqualTo("You said \"write to [email] or call [phone]\" - who answers?");
        JsonNode update = new ObjectMapper().readTree(inbox.pending("telegram:1").get(0).payload());
        assertThat(update.path("update_id").asLong()).isEqualTo(912345678L);
        assertThat(update.path("message").path("chat").path("id").asLong()).isEqualTo(4242424242L);
        assertThat(update.path("message").path("text").asText()).isEqualTo("write to [email] or call [phone]");
        assertThat(new ObjectMapper().readTree(database.findReport(id).orElseThrow().json()).path("turns").asInt())
                .isEqualTo(3);
    }

    /** Every row of every table of the schema, as PostgreSQL prints it. */
    private String allRows() throws Exception {
        StringBuilder out = new StringBuilder();
        List<String> tables = new ArrayList<>();
        try (Connection c = TestServices.pgConnection(schema);
             PreparedStatement ps = c.prepareStatement("SELECT table_name FROM information_schema.tables "
                     + "WHERE table_schema = ? AND table_type = 'BASE TABLE'")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("interviews", "turns", "reports", "channel_inbox", "processed_messages");
            for (String table : tables) {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT t::text FROM " + table + " t")) {
                    while (rs.next()) {
                        out.append(table).append(": ").append(rs.getString(1)).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    private String allRedisValues() {
        StringBuilder out = new StringBuilder();
        try (JedisPooled jedis = new JedisPooled(TestServices.redisUri())) {
            for (String key : jedis.keys(prefix + ":*")) {
                out.append(key).append(" = ").append("string".equals(jedis.type(key)) ? jedis.get(key) : "")
                        .append('\n');
            }
        }
        assertThat(out).as("the state is cached").contains(":state:");
        return out.toString();
    }
}
