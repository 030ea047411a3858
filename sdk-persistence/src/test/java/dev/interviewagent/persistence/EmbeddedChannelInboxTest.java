package dev.interviewagent.persistence;

import dev.interviewagent.core.channel.ChannelInbox;
import dev.interviewagent.core.spi.testkit.ChannelInboxContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The inbox contract on the embedded H2 file database; "reopened" closes the database and opens it again. */
class EmbeddedChannelInboxTest extends ChannelInboxContract {

    private final List<JdbcInterviewStore> opened = new ArrayList<>();
    private Path dir;
    private ChannelInbox inbox;

    @Override
    protected ChannelInbox inbox() {
        if (inbox == null) {
            try {
                dir = Files.createTempDirectory("ia-inbox-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            inbox = open();
        }
        return inbox;
    }

    @Override
    protected ChannelInbox reopened(ChannelInbox current) {
        opened.forEach(JdbcInterviewStore::close);
        opened.clear();
        return open();
    }

    private ChannelInbox open() {
        JdbcInterviewStore store = JdbcInterviewStore.embedded(dir);
        opened.add(store);
        return JdbcChannelInbox.of(store);
    }

    @AfterEach
    void close() {
        opened.forEach(JdbcInterviewStore::close);
    }
}
