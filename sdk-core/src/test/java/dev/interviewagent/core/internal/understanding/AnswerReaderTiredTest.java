package dev.interviewagent.core.internal.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerReaderTiredTest {

    private static final AnswerReader READER = new AnswerReader();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en|I'm tired.|true|true",
        "en|Can we take a break? I'm really tired.|true|true",
        "en|I'm worn out, it was a twelve-hour shift.|true|true",
        "en|Nothing more to add.|true|false",
        "en|That's all I can say on that.|true|false",
        "en|The crew was exhausted that night, but we finished the pour by six.|false|false",
        "en|We were tired after the harvest, so we skipped the second spray and lost the leaf.|false|false",
        "ru|Я устал.|true|true",
        "ru|Я уже час говорю, устала. Давайте закругляться.|true|true",
        "ru|Пожалуй, это всё.|true|false",
        "ru|Ничего больше в голову не приходит.|true|false",
        "ru|В ту ночь бригада устала, но к шести мы закончили заливку.|false|false",
        "ru|Дыхание — это всё.|false|false",
    })
    void fatigueAndTiredNow(String language, String answer, boolean fatigue, boolean tired) {
        AnswerReading reading = READER.read(answer, Language.of(language));

        assertThat(reading.labels().contains(ContentLabel.FATIGUE)).as("fatigue: %s", answer).isEqualTo(fatigue);
        assertThat(reading.tired()).as("tired: %s", answer).isEqualTo(tired);
    }
}
