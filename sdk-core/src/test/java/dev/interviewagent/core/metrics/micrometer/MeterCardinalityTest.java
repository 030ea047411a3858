package dev.interviewagent.core.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.CloseReason;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StageProgress;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.brain.MethodologyBrain;
import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.core.exception.InterviewException;
import dev.interviewagent.core.guide.InterviewStyles;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.metrics.EngineObserver;
import dev.interviewagent.core.scenario.InterviewDriver;
import dev.interviewagent.core.scenario.ScriptedExpert;
import dev.interviewagent.core.scenario.ScriptedExperts;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No meter may be tagged with anything per interview: every tag value must come from a small, known vocabulary,
 * and running more interviews (new ids, new message ids, new answers) must not add a single series.
 */
class MeterCardinalityTest {

    private static final Set<String> LANGUAGES = codes(Language.builtIn().stream().map(Language::code));
    private static final Set<String> STAGES = codes(Arrays.stream(Stage.values()).map(Stage::code));
    private static final Map<String, Set<String>> VOCABULARY = Map.ofEntries(
            Map.entry("operation", codes(Stream.of(EngineObserver.TurnTiming.Operation.values())
                    .map(EngineObserver.TurnTiming.Operation::code),
                    Stream.of(EngineObserver.StoreWrite.Operation.values())
                            .map(EngineObserver.StoreWrite.Operation::code))),
            Map.entry("outcome", codes(Stream.of(EngineObserver.TurnTiming.Outcome.values())
                    .map(EngineObserver.TurnTiming.Outcome::code),
                    Stream.of(EngineObserver.BrainCall.Outcome.values()).map(EngineObserver.BrainCall.Outcome::code),
                    Stream.of(EngineObserver.StoreWrite.Outcome.values())
                            .map(EngineObserver.StoreWrite.Outcome::code))),
            Map.entry("error", codes(Stream.of(ErrorCode.values()).map(ErrorCode::wireValue),
                    Stream.of(InterviewEngineMetrics.NONE))),
            Map.entry("language", codes(LANGUAGES.stream(), Stream.of(InterviewEngineMetrics.UNKNOWN))),
            Map.entry("style", codes(InterviewStyles.builtIn().codes().stream(),
                    Stream.of(InterviewEngineMetrics.UNKNOWN))),
            Map.entry("stage", codes(STAGES.stream(), Stream.of(InterviewEngineMetrics.UNKNOWN))),
            Map.entry("from", STAGES),
            Map.entry("to", STAGES),
            Map.entry("modality", codes(Stream.of(Turn.Modality.values()).map(Turn.Modality::code),
                    Stream.of(InterviewEngineMetrics.UNKNOWN))),
            Map.entry("reason", codes(Stream.of(CloseReason.values()).map(CloseReason::code),
                    Stream.of(StageProgress.EndReason.values()).map(StageProgress.EndReason::code),
                    Stream.of(EngineObserver.BrainCall.Outcome.values()).map(EngineObserver.BrainCall.Outcome::code))),
            Map.entry("brain", Set.of(MethodologyBrain.ID)),
            Map.entry("role", codes(Stream.of(EngineObserver.BrainCall.Role.values())
                    .map(EngineObserver.BrainCall.Role::code))));

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InterviewEngineMetrics metrics = new InterviewEngineMetrics();
    private final List<String> interviewIds = new ArrayList<>();
    private final List<String> messageIds = new ArrayList<>();
    private final List<String> answers = new ArrayList<>();

    @Test
    void should_tag_meters_only_with_known_low_cardinality_values_never_ids_or_text() {
        try (InterviewEngine engine = InterviewEngine.builder().observer(metrics).build()) {
            metrics.bindTo(registry);
            round(engine, ScriptedExperts.icuNurse());
            round(engine, ScriptedExperts.russian().get(0));
            int series = registry.getMeters().size();

            round(engine, ScriptedExperts.icuNurse());
            round(engine, ScriptedExperts.russian().get(0));

            assertThat(registry.getMeters()).as("the same paths with new ids, message ids and interviews")
                    .hasSize(series);
        }
        assertThat(interviewIds).hasSize(12);
        assertThat(answers).isNotEmpty();
        for (Meter meter : registry.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                String where = meter.getId().getName() + "{" + tag.getKey() + "=" + tag.getValue() + "}";
                assertThat(VOCABULARY).as(where).containsKey(tag.getKey());
                assertThat(VOCABULARY.get(tag.getKey())).as(where).contains(tag.getValue());
                assertThat(tag.getValue()).as(where).matches("[a-z0-9_]{1,32}");
                assertThat(interviewIds).as(where).noneMatch(id -> tag.getValue().contains(id));
                assertThat(messageIds).as(where).noneMatch(id -> id.equals(tag.getValue()));
                assertThat(answers).as(where).doesNotContain(tag.getValue());
            }
        }
    }

    /**
     * A whole interview, then another that gets one answer twice and ends early, then an answer to an unknown
     * interview. The texts are the same every round; ids, message ids, channel keys and attributes are new.
     */
    private void round(InterviewEngine engine, ScriptedExpert expert) {
        String tag = UUID.randomUUID().toString();
        StartRequest start = StartRequest.builder().language(expert.language()).style("master")
                .profile(expert.profile()).channelKey("chat:" + tag).build();
        Reply last = InterviewDriver.run(engine, start, (reply, n) -> {
            String answer = expert.answer(reply.message().stage(), n);
            answers.add(answer);
            return answer;
        });
        interviewIds.add(last.interviewId().value());
        Reply other = engine.start(StartRequest.builder().language(expert.language()).build());
        interviewIds.add(other.interviewId().value());
        Answer answer = Answer.text("m-" + tag, "I trained as a welder and ran a workshop for ten years.");
        messageIds.add("m-" + tag);
        engine.answer(other.interviewId(), answer);
        engine.answer(other.interviewId(), answer);
        engine.complete(other.interviewId(), MessageId.of("stop-" + tag));
        messageIds.add("stop-" + tag);
        assertThatThrownBy(() -> engine.answer(InterviewId.of(tag), Answer.text("x-" + tag, "hello")))
                .isInstanceOf(InterviewException.class);
        interviewIds.add(tag);
    }

    @SafeVarargs
    @SuppressWarnings("varargs")    // the array is only read
    private static Set<String> codes(Stream<String>... values) {
        return Arrays.stream(values).flatMap(s -> s).collect(Collectors.toCollection(HashSet::new));
    }
}
