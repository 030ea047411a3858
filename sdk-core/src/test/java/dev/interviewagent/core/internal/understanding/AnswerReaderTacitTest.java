package dev.interviewagent.core.internal.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "Gut" is tacit knowledge only as the speaker's gut feeling, never as the organ a vet or a butcher talks about. */
class AnswerReaderTacitTest {

    private static final AnswerReader READER = new AnswerReader();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        true  | My gut told me to wait another hour before we opened him up.
        true  | Honestly it is a gut feeling, you just know.
        true  | I went with my gut and called the second crew.
        false | After the second surgery his gut sounds never came back properly and his heart rate crept up every evening.
        false | We resected two metres of gut and the mare went home a week later.
        """)
    void reads_gut_as_tacit_only_when_it_is_a_feeling(boolean tacit, String answer) {
        AnswerReading reading = READER.read(answer, Language.ENGLISH);

        assertThat(reading.has(ContentLabel.TACIT)).as(answer).isEqualTo(tacit);
    }
}
