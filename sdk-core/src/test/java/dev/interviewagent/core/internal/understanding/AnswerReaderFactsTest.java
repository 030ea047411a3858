package dev.interviewagent.core.internal.understanding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.interviewagent.core.Language;
import org.junit.jupiter.api.Test;

class AnswerReaderFactsTest {

    private static final AnswerReader READER = new AnswerReader();

    @Test
    void englishRoleOrganisationAndYears() {
        AnswerReading reading = READER.read(
                "I'm the head cheesemaker at Hollow Creek Dairy, been there about eleven years.", Language.ENGLISH);

        assertThat(reading.facts()).containsOnly(
                entry(FactSlot.ROLE, "head cheesemaker"),
                entry(FactSlot.ORGANISATION, "Hollow Creek Dairy"),
                entry(FactSlot.YEARS, "eleven years"));
        assertThat(reading.labels()).containsExactly(ContentLabel.FACT);
    }

    @Test
    void englishYearsInDigitsAndRoleAfterAs() {
        assertThat(READER.read("I've done this for 18 years.", Language.ENGLISH).facts())
                .containsOnly(entry(FactSlot.YEARS, "18 years"));
        assertThat(READER.read("I work as a railway dispatcher for Midland Rail.", Language.ENGLISH).facts())
                .containsOnly(entry(FactSlot.ROLE, "railway dispatcher"), entry(FactSlot.ORGANISATION, "Midland Rail"));
        assertThat(READER.read("Twenty-seven years as a mine surveyor.", Language.ENGLISH).facts())
                .containsOnly(entry(FactSlot.YEARS, "Twenty-seven years"), entry(FactSlot.ROLE, "mine surveyor"));
        assertThat(READER.read("I have my own practice, Morrow & Finch.", Language.ENGLISH).facts())
                .containsOnly(entry(FactSlot.ORGANISATION, "Morrow & Finch"));
    }

    @Test
    void russianRoleOrganisationAndYears() {
        AnswerReading reading = READER.read(
                "Я главный технолог на сыроварне «Липовый луг», работаю там одиннадцать лет.", Language.RUSSIAN);

        assertThat(reading.facts()).containsOnly(
                entry(FactSlot.ROLE, "главный технолог"),
                entry(FactSlot.ORGANISATION, "Липовый луг"),
                entry(FactSlot.YEARS, "одиннадцать лет"));
    }

    @Test
    void russianInstrumentalRoleAndDigits() {
        assertThat(READER.read("Работаю технологом, уже 18 лет.", Language.RUSSIAN).facts())
                .containsOnly(entry(FactSlot.ROLE, "технологом"), entry(FactSlot.YEARS, "18 лет"));
        assertThat(READER.read("Фельдшером работаю лет одиннадцать.", Language.RUSSIAN).facts())
                .containsOnly(entry(FactSlot.ROLE, "Фельдшером"), entry(FactSlot.YEARS, "лет одиннадцать"));
    }

    @Test
    void timeAgoAndOtherPeoplesRolesAreNotFacts() {
        assertThat(READER.read("Three years ago the press broke and we lost a week.", Language.ENGLISH).facts())
                .isEmpty();
        assertThat(READER.read("The shift boss didn't believe me, so we drilled a probe hole.", Language.ENGLISH)
                .facts()).isEmpty();
        assertThat(READER.read("I'm a bit tired, to be honest.", Language.ENGLISH).facts()).isEmpty();
        assertThat(READER.read("You take off two hundred years of patina in ten minutes.", Language.ENGLISH)
                .facts()).isEmpty();
        assertThat(READER.read("Три года назад у нас сломался пресс.", Language.RUSSIAN).facts()).isEmpty();
        assertThat(READER.read("Старший геолог переописал керн и нашёл сульфиды.", Language.RUSSIAN).facts())
                .isEmpty();
        assertThat(READER.read("Геология — прекрасная наука.", Language.RUSSIAN).facts()).isEmpty();
    }
}
