package dev.interviewagent.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.CapturedLogs;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.channel.ChannelAdapter;
import dev.interviewagent.core.channel.ChannelBridge;
import dev.interviewagent.core.channel.ChannelCapabilities;
import dev.interviewagent.core.channel.InboundMessage;
import dev.interviewagent.core.channel.OutboundEvent;
import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.core.exception.StoreException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A database error whose driver message quotes the answer (PostgreSQL's "Failing row contains (…)") reaches
 * neither a log line nor any exception message: the store's exception names the operation and SQLState, and its
 * cause keeps the driver's class, state and stack without the message — also when a host logs it at ERROR.
 */
class ScrubbedDatabaseErrorTest {

    private static final String MARKER = "rejected-by-check";
    private static final String ANSWER = "Every morning I check the pumps. " + MARKER + " My badge pin is 4711 and"
            + " Jane Roe signs the log.";

    private String schema;
    private JdbcInterviewStore store;
    private InterviewEngine engine;

    @BeforeEach
    void open() throws SQLException {
        schema = TestServices.newSchema();
        store = TestServices.postgres(schema).build();
        engine = InterviewEngine.builder().store(store).build();
        try (Connection c = TestServices.pgConnection(schema); Statement s = c.createStatement()) {
            // a constraint the SDK does not have, so the server rejects the row and quotes it in the error
            s.execute("ALTER TABLE turns ADD CONSTRAINT turns_checked CHECK (position('" + MARKER + "' in text) = 0)");
        }
    }

    @AfterEach
    void close() {
        engine.close();
        store.close();
        TestServices.dropSchema(schema);
    }

    @Test
    void should_keep_the_answer_out_of_logs_and_exceptions_when_the_driver_message_quotes_it() {
        Reply first = engine.start(StartRequest.builder().language(Language.ENGLISH).build());

        try (CapturedLogs logs = new CapturedLogs()) {
            assertThatThrownBy(() -> engine.answer(first.interviewId(), Answer.text("m-1", ANSWER)))
                    .isInstanceOfSatisfying(StoreException.class, e -> {
                        LoggerFactory.getLogger("host").error("answer failed", e);    // as a host would log it
                        assertThat(e.getMessage()).contains("SQLState 23514");
                        assertThat(everything(e)).contains("org.postgresql.util.PSQLException")
                                .doesNotContain("4711", "Jane Roe", MARKER, "Failing row");
                        assertThat(e.getCause()).isInstanceOfSatisfying(SQLException.class,
                                cause -> assertThat(cause.getSQLState()).isEqualTo("23514"));
                    });

            assertThat(logs.lines()).anyMatch(line -> line.contains("answer failed"));
            assertThat(logs.lines()).noneMatch(line -> line.contains("4711") || line.contains("Jane Roe")
                    || line.contains("Failing row"));
        }
    }

    @Test
    void should_keep_the_answer_out_of_the_logs_when_a_channel_turn_hits_the_database_error() {
        List<OutboundEvent> events = new CopyOnWriteArrayList<>();
        ChannelBridge bridge = ChannelBridge.builder(engine, new ChannelAdapter() {
            @Override
            public ChannelCapabilities capabilities() {
                return new ChannelCapabilities(false, false, false, 4096);
            }

            @Override
            public void send(String conversation, OutboundEvent event) {
                events.add(event);
            }
        }).build();
        InterviewId id = bridge.start("c1", StartRequest.builder().language(Language.ENGLISH).build(), null);
        events.clear();

        try (CapturedLogs logs = new CapturedLogs()) {
            bridge.handle("c1", id, new InboundMessage.Text(MessageId.of("m-1"), ANSWER));

            assertThat(events).singleElement().isInstanceOfSatisfying(OutboundEvent.Error.class,
                    error -> assertThat(error.code()).isEqualTo(ErrorCode.UNAVAILABLE));
            assertThat(logs.lines()).noneMatch(line -> line.contains("4711") || line.contains("Jane Roe"));
        }
    }

    private static String everything(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
