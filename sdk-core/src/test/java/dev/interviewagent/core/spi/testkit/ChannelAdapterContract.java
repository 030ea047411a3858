package dev.interviewagent.core.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.CloseReason;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.analysis.Engagement;
import dev.interviewagent.core.channel.ChannelAdapter;
import dev.interviewagent.core.channel.ChannelBridge;
import dev.interviewagent.core.channel.ChannelCommand;
import dev.interviewagent.core.channel.ChannelControls;
import dev.interviewagent.core.channel.Choice;
import dev.interviewagent.core.channel.InboundMessage;
import dev.interviewagent.core.channel.OutboundEvent;
import dev.interviewagent.core.channel.TranscriptQuality;
import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.report.ReportFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ChannelAdapter} must meet: it renders every outbound event, respects its own message
 * length limit, (through the {@link ChannelBridge}) handles a repeated inbound message id once, and shows no
 * command but those of its own {@link dev.interviewagent.core.channel.ChannelCapabilities#controls()}, naming its
 * own way to finish early where it has one.
 *
 * <p>Extend it, return a fresh adapter from {@link #newAdapter()} and expose what it rendered in a conversation as
 * the texts a person would see (one entry per delivered message) from {@link #rendered(String)}. Ships in the
 * sdk-core test-jar; declare junit-jupiter and assertj-core yourself.
 */
public abstract class ChannelAdapterContract {

    /** A slash command as a respondent would type it, not a slash inside a word, a number or a URL. */
    private static final Pattern SLASH_COMMAND =
            Pattern.compile("(?<![\\p{L}\\p{N}/:._-])(/[a-zA-Z][a-zA-Z0-9_]{0,31})\\b");

    protected ChannelAdapter adapter;
    protected InterviewEngine engine;

    /** A fresh adapter, rendering into something {@link #rendered(String)} can read. */
    protected abstract ChannelAdapter newAdapter();

    /** Everything the adapter delivered in {@code conversation} so far, one entry per message, in order. */
    protected abstract List<String> rendered(String conversation);

    /**
     * Commands the channel has beyond its {@link ChannelControls} (e.g. a console's {@code /history}), which its own
     * hints may name; lower case, with the slash.
     */
    protected Set<String> extraCommands() {
        return Set.of();
    }

    @BeforeEach
    void setUpChannel() {
        adapter = newAdapter();
        engine = InterviewEngine.builder().build();
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    /** Every kind of event, with realistic content. */
    protected List<OutboundEvent> sampleEvents(InterviewId id) {
        var report = engine.report(id);
        return List.of(
                new OutboundEvent.Session(id, "token-123", Language.ENGLISH, "master", false),
                new OutboundEvent.Question(id, 3, Stage.OPERATIONS, "Walk me through the first hour of your day?", 2,
                        40, Engagement.MEDIUM, "m-1"),
                new OutboundEvent.Delta(id, 5, "Walk me through"),
                new OutboundEvent.StageChanged(id, Stage.PROFILING, Stage.ESSENCE, 85),
                new OutboundEvent.Transcript("we check the valves first", 0.42, TranscriptQuality.LOW, "m-2", true,
                        List.of(new Choice(Choice.CONFIRM_TRANSCRIPT, "Yes"),
                                new Choice(Choice.RETRY_TRANSCRIPT, "Again"),
                                new Choice(Choice.TYPE_INSTEAD, "Type"))),
                new OutboundEvent.Report(id, ReportFormat.MARKDOWN, engine.report(id, ReportFormat.MARKDOWN)),
                new OutboundEvent.Status(engine.status(id), "Stage 1/9"),
                new OutboundEvent.Notice("command.help", "Answer in your own words."),
                new OutboundEvent.Error(ErrorCode.TOO_LARGE, "That is too long.", "m-3"),
                new OutboundEvent.Completed(id, CloseReason.EARLY, "Thank you for your time.", report));
    }

    @Test
    void should_render_every_outbound_event() {
        String conversation = "contract-" + UUID.randomUUID();
        InterviewId id = engine.start(StartRequest.builder().language(Language.ENGLISH).build()).interviewId();
        for (OutboundEvent event : sampleEvents(id)) {
            int before = rendered(conversation).size();
            adapter.send(conversation, event);
            boolean ignorable = event instanceof OutboundEvent.Delta && !adapter.capabilities().streamingEdits();
            if (!ignorable) {
                assertThat(rendered(conversation)).as("rendered after %s", event.getClass().getSimpleName())
                        .hasSizeGreaterThan(before);
            }
        }
    }

    @Test
    void should_keep_every_message_within_the_length_limit_and_lose_nothing() {
        String conversation = "contract-" + UUID.randomUUID();
        int max = adapter.capabilities().maxMessageLength();
        StringBuilder longText = new StringBuilder();
        int words = 0;
        while (longText.length() < max * 3 + 17) {
            longText.append("word").append(words++).append(words % 11 == 0 ? ".\n\n" : " ");
        }
        InterviewId id = InterviewId.of("contract-long");
        adapter.send(conversation, new OutboundEvent.Report(id, ReportFormat.MARKDOWN, longText.toString()));
        adapter.send(conversation, new OutboundEvent.Notice("long", longText.toString()));

        List<String> messages = rendered(conversation);
        assertThat(messages).allSatisfy(m -> assertThat(m.length()).isLessThanOrEqualTo(max));
        String all = String.join(" ", messages);
        for (int i = 0; i < words; i += 97) {
            assertThat(all).contains("word" + i);
        }
    }

    @Test
    void should_name_only_its_own_controls_when_greeting_and_helping() {
        ChannelControls controls = adapter.capabilities().controls();
        for (Language language : Language.builtIn()) {
            String conversation = "controls-" + language.code() + "-" + UUID.randomUUID();
            ChannelBridge bridge = ChannelBridge.builder(engine, adapter).build();
            InterviewId id = bridge.start(conversation, StartRequest.builder().language(language).build(), null);
            assertThat(id).isNotNull();
            bridge.handle(conversation, id, new InboundMessage.Command(MessageId.of("help-" + language.code()),
                    ChannelCommand.HELP, null));
            String all = String.join("\n", rendered(conversation));

            // no command of another channel: a web page must not tell its respondents to "send /complete"
            Matcher command = SLASH_COMMAND.matcher(all);
            while (command.find()) {
                String named = command.group(1).toLowerCase(Locale.ROOT);
                if (!extraCommands().contains(named)) {
                    assertThat(controls.commands(language)).as("a command this channel does not declare, in: " + all)
                            .contains(named);
                }
            }
            // and its own way to finish early, where it has one, is named
            if (controls.finishEarly().named()) {
                assertThat(all).contains(controls.finishEarly().label(language));
            }
        }
    }

    @Test
    void should_handle_a_repeated_inbound_message_once() {
        String conversation = "contract-" + UUID.randomUUID();
        ChannelBridge bridge = ChannelBridge.builder(engine, adapter).build();
        InterviewId id = bridge.start(conversation, StartRequest.builder().language(Language.ENGLISH).build(), null);
        assertThat(id).isNotNull();
        InboundMessage answer = new InboundMessage.Text(MessageId.of("dup-1"),
                "I run the night shift of a water treatment plant, twelve operators, since 2015.");

        bridge.handle(conversation, id, answer);
        List<String> afterFirst = new ArrayList<>(rendered(conversation));
        bridge.handle(conversation, id, answer);
        List<String> afterSecond = rendered(conversation);

        assertThat(engine.transcript(id)).filteredOn(Turn::isRespondent).hasSize(1);
        assertThat(engine.status(id).turnCount()).isEqualTo(3);
        // the repeat is answered with the same message again, not a new one
        List<String> repeated = afterSecond.subList(afterFirst.size(), afterSecond.size());
        assertThat(repeated).isNotEmpty();
        assertThat(afterFirst).containsAll(repeated);
    }
}
