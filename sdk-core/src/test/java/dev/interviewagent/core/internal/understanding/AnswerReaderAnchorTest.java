package dev.interviewagent.core.internal.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Language;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerReaderAnchorTest {

    private static final AnswerReader READER = new AnswerReader();

    /** Greetings, pleasantries and talk about the conversation: never quoted back as the story. */
    private static final List<String> NEVER_IN_AN_ANCHOR = List.of("hello", "thanks", "thank you", "nice to meet",
            "happy to help", "as i said", "like i said", "i told you", "as i mentioned", "like i mentioned",
            "i already", "you just know", "hard to explain", "здравствуйте", "спасибо", "рад помочь", "как я уже",
            "я же говор", "я уже", "просто знаешь", "сложно объяснить");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Two winters ago a whole batch of tommes started to swell on the third day. We lost forty wheels.|"
                + "a whole batch of tommes started to swell",
        "Last October the power went out at two in the morning, and the cave climbed to eighteen degrees.|"
                + "the power went out",
        "Hello! Happy to help. One night in 2019 the main pump seized and we flooded the lower deck.|"
                + "the main pump seized",
        "Two weeks ago a pony came in at 2 a.m., painful but with no reflux. The resident wanted to wait, and I "
                + "took her to surgery.|a pony came in",
    })
    void anchorIsTheEventOfTheStoryAsWritten(String answer, String anchor) {
        AnswerReading reading = READER.read(answer, Language.ENGLISH);

        assertThat(reading.labels()).contains(ContentLabel.EPISODE);
        assertThat(reading.episodeAnchor()).isEqualTo(anchor);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Зимой 2021-го у нас партия вздулась на третий день. К пятнице выбросили сорок голов.|"
                + "партия вздулась на третий день",
        "В позапрошлом мае, в три часа ночи, сломалась подовая печь, и мы пекли в пять заходов.|"
                + "сломалась подовая печь",
        "Как я уже говорил, прошлой весной у нас треснул главный вал, и мы стояли неделю.|"
                + "у нас треснул главный вал",
    })
    void russianAnchorIsTheEventOfTheStoryAsWritten(String answer, String anchor) {
        AnswerReading reading = READER.read(answer, Language.RUSSIAN);

        assertThat(reading.labels()).contains(ContentLabel.EPISODE);
        assertThat(reading.episodeAnchor()).isIn(anchor, anchor.replace("у нас ", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void everyStoryInTheCorpusGetsAQuotableAnchor(Language language) throws IOException {
        for (UnderstandingCorpusTest.Row row : UnderstandingCorpusTest.corpus(language)) {
            AnswerReading reading = READER.read(row.answer(), language);
            if (!reading.labels().contains(ContentLabel.EPISODE)) {
                assertThat(reading.episodeAnchor()).as("line %d has no story", row.line()).isNull();
                continue;
            }
            String anchor = reading.episodeAnchor();
            assertThat(anchor).as("anchor of line %d", row.line()).isNotNull();
            assertThat(row.answer()).as("line %d: the anchor is quoted as written", row.line()).contains(anchor);
            assertThat(anchor.split("\\s+")).as("line %d: '%s'", row.line(), anchor).hasSizeBetween(3, 10);
            assertThat(anchor).isEqualTo(anchor.strip());
            assertThat(Character.isLetterOrDigit(anchor.charAt(0))).as("'%s' starts with a word", anchor).isTrue();
            assertThat(Character.isLetterOrDigit(anchor.charAt(anchor.length() - 1)))
                    .as("'%s' ends with a word", anchor).isTrue();
            String lower = anchor.toLowerCase(Locale.ROOT);
            for (String banned : NEVER_IN_AN_ANCHOR) {
                assertThat(lower).as("line %d anchor '%s'", row.line(), anchor).doesNotContain(banned);
            }
        }
    }

    @Test
    void noStoryNoAnchor() {
        assertThat(READER.read("Every morning I check the temperature of the cave.", Language.ENGLISH)
                .episodeAnchor()).isNull();
        assertThat(READER.read("I've done this for 18 years.", Language.ENGLISH).episodeAnchor()).isNull();
        assertThat(READER.read("Обычно я проверяю камеру каждое утро.", Language.RUSSIAN).episodeAnchor()).isNull();
    }

    @Test
    void habitsHypotheticalsAndExperienceAreNotStories() {
        assertThat(READER.read("Every morning I check the cave and write the temperature on the board.",
                Language.ENGLISH).labels()).doesNotContain(ContentLabel.EPISODE);
        assertThat(READER.read("If the milk came in too warm, I would cool it first.", Language.ENGLISH).labels())
                .doesNotContain(ContentLabel.EPISODE);
        assertThat(READER.read("I've done this for 18 years.", Language.ENGLISH).labels())
                .containsExactly(ContentLabel.FACT);
        assertThat(READER.read("Обычно я пробую каждую партию через две недели.", Language.RUSSIAN).labels())
                .doesNotContain(ContentLabel.EPISODE);
        assertThat(READER.read("Если бы молоко пришло тёплым, я бы его охладил.", Language.RUSSIAN).labels())
                .doesNotContain(ContentLabel.EPISODE);
    }

    @Test
    void cuesNameWhatWasPerceived() {
        AnswerReading english = READER.read(
                "One night in March I walked into the cave and noticed the smell was sweet, almost like pears.",
                Language.ENGLISH);
        AnswerReading russian = READER.read(
                "Однажды ночью я проверял насос, и звук стал глухим, как будто внутри вата.", Language.RUSSIAN);

        assertThat(english.cueFragments()).contains("the smell was sweet");
        assertThat(russian.cueFragments()).anySatisfy(cue -> assertThat(cue).contains("звук стал глухим"));
    }
}
