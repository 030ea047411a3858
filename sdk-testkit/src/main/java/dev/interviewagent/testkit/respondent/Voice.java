package dev.interviewagent.testkit.respondent;

import dev.interviewagent.core.Language;
import java.util.List;

/** The few words a respondent says that are not in its persona, per language. */
record Voice(String asISaid, String greeting, String confirmation, String noPause, String meaning,
             List<String> stepLeads, String stepLast, String another) {

    static Voice of(Language language) {
        return language == Language.RUSSIAN
                ? new Voice("Как я уже говорил, ", "Здравствуйте! Рада помочь, спрашивайте.",
                "Да, главное именно в этом.", "Паузу не нужно, давайте продолжим.", "Я имею в виду вот что: ",
                List.of("Сначала нужно ", "Потом — ", "После этого — ", "Дальше — ", "Затем — "), "И в конце — ",
                "Был и другой случай. ")
                : new Voice("As I said, ", "Hello! Happy to help, ask away.",
                "Yes, that's the main point.", "No need for a pause, let's keep going.", "What I mean is this: ",
                List.of("First, I ", "Then I ", "After that I ", "Next I ", "Then I "), "Finally, I ",
                "There was another time, too. ");
    }
}
