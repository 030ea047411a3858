package dev.interviewagent.testkit.intent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewagent.core.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every question the offline interviewer can phrase — each variant of each {@code moves.*} template in sdk-core,
 * with its placeholders filled, bare and after an acknowledgement and a recalled quote — reads as the intent its move
 * asks for. Variants built only from a guide seed ({@code {seed}}) are covered by the corpus, which holds every seed;
 * moves without an expectation here (added to sdk-core later) are skipped until one is given.
 */
class OfflineTemplatesTest {

    /** What each move asks. An insight probe may ask for the principle or for the novice/expert contrast. */
    private static final Map<String, Set<QuestionIntent>> EXPECTED = Map.ofEntries(
            Map.entry("open_intro", Set.of(QuestionIntent.OTHER)),
            Map.entry("deepen_example", Set.of(QuestionIntent.EXAMPLE)),
            Map.entry("deepen_steps", Set.of(QuestionIntent.STEPS)),
            Map.entry("deepen_numbers", Set.of(QuestionIntent.NUMBERS)),
            Map.entry("deepen_insight", Set.of(QuestionIntent.PRINCIPLE, QuestionIntent.NOVICE_EXPERT)),
            Map.entry("clarify_vague", Set.of(QuestionIntent.CLARIFY)),
            Map.entry("contradiction", Set.of(QuestionIntent.CLARIFY)),
            Map.entry("summary_check", Set.of(QuestionIntent.SUMMARY_CHECK)),
            Map.entry("recover_refusal", Set.of(QuestionIntent.OTHER)),
            Map.entry("recover_discomfort", Set.of(QuestionIntent.OTHER)),
            Map.entry("acknowledge_gap", Set.of(QuestionIntent.OTHER)),
            Map.entry("redirect", Set.of(QuestionIntent.OTHER)),
            Map.entry("member_check", Set.of(QuestionIntent.MEMBER_CHECK)),
            Map.entry("member_check_empty", Set.of(QuestionIntent.MEMBER_CHECK)),
            Map.entry("probe_cue", Set.of(QuestionIntent.CUE)),
            Map.entry("probe_cue_again", Set.of(QuestionIntent.CUE)),
            Map.entry("probe_cue_tacit", Set.of(QuestionIntent.CUE)),
            Map.entry("probe_decision", Set.of(QuestionIntent.DECISION)),
            Map.entry("probe_basis", Set.of(QuestionIntent.CUE)),
            Map.entry("probe_counterfactual", Set.of(QuestionIntent.NOVICE_EXPERT)),
            Map.entry("probe_step", Set.of(QuestionIntent.STEPS, QuestionIntent.NOVICE_EXPERT)),
            Map.entry("probe_failure", Set.of(QuestionIntent.FAILURE)),
            Map.entry("contrast", Set.of(QuestionIntent.NOVICE_EXPERT)),
            Map.entry("beginners_mind", Set.of(QuestionIntent.NOVICE_EXPERT)),
            Map.entry("expert_secret", Set.of(QuestionIntent.PRINCIPLE)),
            Map.entry("offer_pause", Set.of(QuestionIntent.OTHER)),
            Map.entry("rephrase", Set.of(QuestionIntent.EXAMPLE, QuestionIntent.STEPS)),
            Map.entry("deepen_example_another", Set.of(QuestionIntent.EXAMPLE)));

    private static final Map<Language, Map<String, String>> VALUES = Map.of(
            Language.ENGLISH, Map.of("quote", "“we always wait”", "recall", "“it depends on the season”",
                    "anchor", "“the whole batch swelled on day three”",
                    "name", "Marta", "stage_name", "Operations",
                    "insights", "\n1. A newcomer makes the same mistake.\n2. Give an example, step by step.\n"),
            Language.RUSSIAN, Map.of("quote", "«мы всегда ждём»", "recall", "«это зависит от сезона»",
                    "anchor", "«партия вздулась на третий день»",
                    "name", "Марта", "stage_name", "Операции",
                    "insights", "\n1. Новичок делает ту же ошибку.\n2. Приведите пример, по шагам.\n"));

    private final QuestionIntentClassifier classifier = QuestionIntentClassifier.create();

    record Variant(Language language, String move, String message) {

        @Override
        public String toString() {
            return language.code() + " " + move + " | " + message.replace("\n", "\\n");
        }
    }

    static Stream<Variant> variants() {
        List<Variant> variants = new ArrayList<>();
        for (Language language : Language.builtIn()) {
            JsonNode templates = templates(language);
            String lead = templates.at("/acks/general/default/0").asText() + " "
                    + fill(templates.at("/recall/default/0").asText(), language);
            for (Map.Entry<String, JsonNode> move : templates.get("moves").properties()) {
                if (!EXPECTED.containsKey(move.getKey())) {
                    continue;
                }
                for (JsonNode pool : move.getValue()) {
                    for (JsonNode template : pool) {
                        String message = fill(template.asText(), language);
                        if (message.contains("{")) {
                            continue;
                        }
                        variants.add(new Variant(language, move.getKey(), message));
                        variants.add(new Variant(language, move.getKey(), lead + " " + message));
                    }
                }
            }
        }
        return variants.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void readsAsTheIntentOfItsMove(Variant variant) {
        assertThat(classifier.classify(variant.message(), variant.language())).as(variant.toString())
                .isIn(EXPECTED.get(variant.move()));
    }

    static Stream<Arguments> everyExpectedMoveExists() {
        return Language.builtIn().stream().map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource
    void everyExpectedMoveExists(Language language) {
        assertThat(templates(language).get("moves").fieldNames()).toIterable()
                .containsAll(EXPECTED.keySet());
    }

    private static String fill(String template, Language language) {
        String text = template;
        for (Map.Entry<String, String> value : VALUES.get(language).entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        return text;
    }

    private static JsonNode templates(Language language) {
        String resource = "/dev/interviewagent/core/lang/" + language.code() + "/templates.json";
        try (InputStream in = Objects.requireNonNull(OfflineTemplatesTest.class.getResourceAsStream(resource),
                resource)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
