package dev.interviewagent.samples.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.analysis.Engagement;
import dev.interviewagent.core.channel.ChannelAdapter;
import dev.interviewagent.core.channel.OutboundEvent;
import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.spi.testkit.ChannelAdapterContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The human-mode console against the channel contract, plus what a person sees. */
class ConsoleChannelTest extends ChannelAdapterContract {

    private final Map<String, List<String>> delivered = new ConcurrentHashMap<>();

    @Override
    protected ChannelAdapter newAdapter() {
        return new ConsoleChannel(ConsoleChannel.Mode.HUMAN,
                (conversation, message) -> delivered.computeIfAbsent(conversation, c -> new ArrayList<>())
                        .add(message), Language.ENGLISH, null);
    }

    @Override
    protected List<String> rendered(String conversation) {
        return List.copyOf(delivered.getOrDefault(conversation, List.of()));
    }

    @Override
    protected Set<String> extraCommands() {
        return Set.of("/history");   // the console's own page-back through the conversation (docs/protocol.md)
    }

    @Test
    void should_show_stage_and_progress_above_the_question() {
        InterviewId id = InterviewId.of("i-1");
        adapter.send("c", new OutboundEvent.Question(id, 7, Stage.OPERATIONS, "Walk me through a shift?", 2, 45,
                Engagement.MEDIUM, null));

        assertThat(rendered("c")).containsExactly("[4/9 operations · 45 %]\nWalk me through a shift?");
    }

    @Test
    void should_show_texts_in_the_interview_language_when_session_is_russian() {
        InterviewId id = InterviewId.of("i-2");
        adapter.send("c", new OutboundEvent.Session(id, null, Language.RUSSIAN, "master", false));
        adapter.send("c", new OutboundEvent.StageChanged(id, Stage.GREETING, Stage.PROFILING, 90));
        adapter.send("c", new OutboundEvent.Error(ErrorCode.TOO_LARGE, "Слишком длинно.", "line-3"));

        assertThat(rendered("c").get(0)).startsWith("Интервью i-2");
        assertThat(rendered("c").get(1)).contains("Этап завершён").contains("2/9 ");
        assertThat(rendered("c").get(2)).isEqualTo("! Слишком длинно. (too_large)");
    }
}
