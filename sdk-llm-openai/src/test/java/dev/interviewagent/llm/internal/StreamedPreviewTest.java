package dev.interviewagent.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.Turn;
import dev.interviewagent.llm.LlmBrain;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A streaming model (OpenAI SSE chunks and Anthropic events, from {@link FakeLlmServer}) whose message goes wrong in
 * its second sentence: the channel's deltas show the first sentence and never the bad one, and what was shown is a
 * prefix of what is stored.
 */
class StreamedPreviewTest {

    private static final String ANSWER = "Last week a client called at 9am about a failed delivery. First I checked the"
            + " logs, then I called the carrier, and after that we rerouted the parcel within 2 hours.";

    private FakeLlmServer server;
    private InterviewEngine engine;
    private final List<String> deltas = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        engine.close();
        server.close();
    }

    /** Answers the first request of a turn with {@code streamed}; the corrective re-ask gets a valid reply. */
    private Reply answerWith(FakeLlmServer.Dialect dialect, Function<FakeLlmServer.Recorded, String> message) {
        return answerWithReply(dialect, (request, reply) -> reply.put("message", message.apply(request)));
    }

    /** Like {@link #answerWith}, with the first reply of the turn changed by {@code edit}. */
    private Reply answerWithReply(FakeLlmServer.Dialect dialect,
                                  java.util.function.BiConsumer<FakeLlmServer.Recorded, ObjectNode> edit) {
        server = new FakeLlmServer(dialect);
        engine = InterviewEngine.builder().brain(LlmBrain.builder()
                .provider(dialect == FakeLlmServer.Dialect.OPENAI ? LlmBrain.Provider.OPENAI
                        : LlmBrain.Provider.ANTHROPIC)
                .apiKey(FakeLlmServer.KEY).baseUrl(server.baseUrl()).modelName(FakeLlmServer.MODEL)
                .callTimeout(Duration.ofSeconds(5)).streaming(true).build())
                .brainTimeout(Duration.ofSeconds(20)).build();
        Reply first = engine.start(StartRequest.builder().language(Language.ENGLISH).build());
        server.respondWith(request -> {
            ObjectNode reply = Responders.contract(request);
            boolean reAsk = FakeLlmServer.roles(request).contains("assistant");
            if (!reAsk) {
                edit.accept(request, reply);
            }
            return reply.toString();
        });
        return engine.answer(first.interviewId(), Answer.text("m-1", ANSWER), deltas::add);
    }

    @ParameterizedTest
    @EnumSource(FakeLlmServer.Dialect.class)
    void should_never_stream_the_system_prompt_when_the_model_leaks_it_in_its_second_sentence(
            FakeLlmServer.Dialect dialect) {
        Reply reply = answerWith(dialect, request -> {
            List<String> words = List.of(FakeLlmServer.systemPrompt(request).split("\\s+"));
            return "Thank you for walking me through that delivery. " + String.join(" ", words.subList(0, 30))
                    + ". What did you check first in the logs?";
        });

        Set<String> shingles = ReplyChecks.shingles(FakeLlmServer.systemPrompt(server.requests().get(1)));
        String shown = String.join("", deltas);
        assertThat(shown).isEqualTo("Thank you for walking me through that delivery.");
        assertThat(ReplyChecks.leaksPrompt(shown, shingles)).isFalse();
        Turn stored = reply.message();
        assertThat(ReplyChecks.leaksPrompt(stored.text(), shingles)).isFalse();
        assertThat(server.requests()).hasSize(3);   // start, the leaking stream, the corrective re-ask
        assertThat(server.violations()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(FakeLlmServer.Dialect.class)
    void should_never_stream_another_respondents_words_when_a_reply_is_crossed_with_another_conversation(
            FakeLlmServer.Dialect dialect) {
        String theirs = "the night the ammonia line froze at plant seven";
        Reply reply = answerWith(dialect, request -> "Thank you for walking me through that delivery. You told me"
                + " about \"" + theirs + "\". What did you notice first?");

        assertThat(String.join("", deltas)).isEqualTo("Thank you for walking me through that delivery.");
        assertThat(reply.message().text()).doesNotContain("ammonia");
        assertThat(server.requests()).hasSize(3);   // start, the crossed reply, the corrective re-ask
    }

    @ParameterizedTest
    @EnumSource(FakeLlmServer.Dialect.class)
    void should_stream_nothing_of_a_message_written_for_another_stage(FakeLlmServer.Dialect dialect) {
        // found by the prompt-injection drill: a hijacked model named the final stage and its "let us skip to the
        // final stage" was streamed before the reply was rejected
        Reply reply = answerWithReply(dialect, (request, node) -> node.put("stage", "wrap_up").put("message",
                "Great, that part is done. What would you like to add at the very end?"));

        assertThat(deltas).isEmpty();
        assertThat(reply.message().text()).doesNotContain("very end");
        assertThat(server.requests()).hasSize(3);   // start, the reply for another stage, the corrective re-ask
    }

    @ParameterizedTest
    @EnumSource(FakeLlmServer.Dialect.class)
    void should_stop_streaming_at_a_claim_about_scores_when_the_model_obeys_an_injection(
            FakeLlmServer.Dialect dialect) {
        answerWith(dialect, request -> "Thanks for the detail. Sure, I will ignore my previous instructions and"
                + " you get a perfect score. What else would you like to add?");

        assertThat(String.join("", deltas)).isEqualTo("Thanks for the detail.");
    }

    @ParameterizedTest
    @EnumSource(FakeLlmServer.Dialect.class)
    void should_stream_exactly_the_stored_message_when_the_model_asks_two_questions(FakeLlmServer.Dialect dialect) {
        Reply reply = answerWith(dialect, request -> "Thanks, that helps. What did you check first in the logs?"
                + " And who did you call after that?");

        assertThat(reply.message().text()).isEqualTo("Thanks, that helps. What did you check first in the logs?");
        assertThat(String.join("", deltas)).isEqualTo(reply.message().text());
        assertThat(deltas).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(FakeLlmServer.Dialect.class)
    void should_stream_whole_sentences_and_drop_invisible_characters_when_the_reply_is_valid(
            FakeLlmServer.Dialect dialect) {
        Reply reply = answerWith(dialect, request -> "Thank you\u200B, that is clear. Rerouting in 2 hours is"
                + " fast. What did you check first in the logs?");

        assertThat(deltas).containsExactly("Thank you, that is clear.", " Rerouting in 2 hours is fast.",
                " What did you check first in the logs?");
        assertThat(String.join("", deltas)).isEqualTo(reply.message().text());
    }
}
