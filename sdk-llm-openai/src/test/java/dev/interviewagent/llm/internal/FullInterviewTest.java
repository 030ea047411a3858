package dev.interviewagent.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewStatus;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import dev.interviewagent.llm.LlmBrain;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A whole nine-stage interview, every turn phrased by scripted model replies through the real engine. */
class FullInterviewTest {

    private static final List<String> EN = List.of(
            "Last week a client called at 9am about a failed delivery. First I checked the logs, then I called the"
                    + " carrier, and after that we rerouted the parcel within 2 hours.",
            "The mistake every newcomer makes is trusting the dashboard. In March a junior missed a 15% drop for"
                    + " three weeks because the alert threshold was wrong; we fixed it by reviewing thresholds monthly.",
            "I have done this for 12 years. The achievement I am proudest of is cutting claim handling time from 10"
                    + " days to 4 days across a team of 30 people.",
            "When a shipment is late I first call the depot, then I check the driver's route, and finally I update"
                    + " the customer; it usually takes 20 minutes.");
    private static final List<String> RU = List.of(
            "На прошлой неделе клиент позвонил в 9 утра из-за сорванной доставки. Сначала я проверила журнал, потом"
                    + " позвонила перевозчику, а после этого мы перенаправили посылку за 2 часа.",
            "Главная ошибка новичков — доверять панели мониторинга. В марте стажёр три недели не замечал падения на"
                    + " 15%, потому что порог оповещения был неверным; мы исправили это ежемесячной проверкой порогов.",
            "Я работаю в этой области 12 лет. Больше всего горжусь тем, что сократила обработку претензий с 10 до 4"
                    + " дней в команде из 30 человек.",
            "Когда груз опаздывает, я сначала звоню на склад, затем проверяю маршрут водителя и в конце сообщаю"
                    + " клиенту; обычно это занимает 20 минут.");

    @ParameterizedTest
    @EnumSource(FakeLlmServer.Dialect.class)
    void should_complete_all_nine_stages_when_scripted_model_replies_phrase_every_turn(FakeLlmServer.Dialect dialect) {
        boolean openAi = dialect == FakeLlmServer.Dialect.OPENAI;
        Language language = openAi ? Language.ENGLISH : Language.RUSSIAN;
        List<String> answers = openAi ? EN : RU;
        try (FakeLlmServer server = new FakeLlmServer(dialect)) {
            LlmBrain brain = LlmBrain.builder()
                    .provider(openAi ? LlmBrain.Provider.OPENAI : LlmBrain.Provider.ANTHROPIC)
                    .apiKey(FakeLlmServer.KEY).baseUrl(server.baseUrl()).modelName(FakeLlmServer.MODEL)
                    .callTimeout(Duration.ofSeconds(5))
                    .streaming(!openAi)
                    .build();
            try (InterviewEngine engine = InterviewEngine.builder().brain(brain).build()) {
                Reply reply = engine.start(StartRequest.builder().language(language).build());
                int i = 0;
                while (!reply.completed() && i < 400) {
                    reply = engine.answer(reply.interviewId(),
                            Answer.text("m-" + i, answers.get(i % answers.size()) + " (" + i + ")"));
                    i++;
                }

                assertThat(reply.completed()).isTrue();
                assertThat(reply.interview().status()).isEqualTo(InterviewStatus.COMPLETED);
                List<Turn> transcript = engine.transcript(reply.interviewId());
                Set<Stage> covered = EnumSet.noneOf(Stage.class);
                transcript.forEach(turn -> covered.add(turn.stage()));
                assertThat(covered).containsExactlyInAnyOrder(Stage.values());
                assertThat(transcript.stream().filter(Turn::isInterviewer))
                        .allSatisfy(turn -> {
                            assertThat(turn.fallback()).as("turn %d fallback", turn.number()).isFalse();
                            assertThat(turn.phrasedBy())
                                    .isEqualTo((openAi ? "openai:" : "anthropic:") + FakeLlmServer.MODEL);
                        });
                assertThat(transcript.get(transcript.size() - 1).kind()).isEqualTo(Turn.Kind.CLOSING);
                assertThat(reply.interview().knowledge())
                        .anyMatch(item -> item.source().equals(KnowledgeItem.SOURCE_MODEL));
                assertThat(brain.metrics().fallbacksSignalled()).isZero();
                assertThat(engine.metrics().brainFallbacks()).isZero();
                assertThat(server.violations()).isEmpty();
            }
        }
    }
}
