package dev.interviewagent.core.internal.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A story the expert lived as a child or only watched is read as one ({@link AnswerReading#witnessed()}), a story of
 * their own work is not, and neither is anything that is not a story.
 */
class AnswerReaderWitnessTest {

    private static final AnswerReader READER = new AnswerReader();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        en | true  | One winter night I watched the vet save a calf in a blizzard. I was eleven. She turned it inside the cow and the calf lived.
        en | true  | As a kid I spent a summer in my uncle's bakery; one morning the oven died at four and he baked two hundred loaves in the neighbour's oven.
        en | true  | When I was twelve my father took me to the mine, and I saw the shift boss stop the cage because the rope sounded wrong.
        en | false | Last October I noticed the rinds sweating at six in the morning, moved forty wheels to the old cellar myself and saved the batch.
        en | false | Last spring I was ten minutes late to the site, and the crane crew had already started lifting without a banksman.
        en | false | As a kid you learn to read the weather, and I still do every morning.
        ru | true  | В детстве, зимней ночью, я смотрела, как ветеринар спасла телёнка в метель: она развернула его прямо в корове. Телёнок выжил, а я с тех пор знала, кем буду.
        ru | true  | Мне было одиннадцать. Отец взял меня на смену, и я увидел, как бригадир остановил клеть, потому что канат звенел не так.
        ru | false | Прошлой осенью я заметила, что корка потеет, в шесть утра перенесла сорок голов в старый погреб и спасла партию.
        """)
    void reads_whether_a_story_was_the_experts_own(String language, boolean witnessed, String answer) {
        AnswerReading reading = READER.read(answer, language.equals("ru") ? Language.RUSSIAN : Language.ENGLISH);

        assertThat(reading.witnessed()).as(answer).isEqualTo(witnessed);
        if (witnessed) {
            assertThat(reading.has(ContentLabel.EPISODE)).as("a story all the same: %s", answer).isTrue();
        }
    }
}
