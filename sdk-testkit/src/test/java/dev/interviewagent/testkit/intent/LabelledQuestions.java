package dev.interviewagent.testkit.intent;

import dev.interviewagent.core.Language;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The labelled corpus in {@code src/test/resources/intent/questions.<code>.tsv}: one interviewer message per line,
 * {@code intent<TAB>message}; lines starting with {@code #} and blank lines are skipped, and a literal {@code \n}
 * in a message is a line break (a member check's list).
 */
final class LabelledQuestions {

    /** One labelled message, with where it sits in its file for failure messages. */
    record LabelledQuestion(Language language, int line, QuestionIntent intent, String message) {

        @Override
        public String toString() {
            return language.code() + ":" + line + " " + intent + " | " + message.replace("\n", "\\n");
        }
    }

    private LabelledQuestions() {
    }

    static List<LabelledQuestion> of(Language language) {
        String resource = "/intent/questions." + language.code() + ".tsv";
        try (InputStream in = Objects.requireNonNull(LabelledQuestions.class.getResourceAsStream(resource), resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<LabelledQuestion> rows = new ArrayList<>();
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                String[] columns = text.split("\t", 2);
                if (columns.length != 2 || columns[1].isBlank()) {
                    throw new IllegalStateException(resource + ":" + line + ": expected intent<TAB>message");
                }
                rows.add(new LabelledQuestion(language, line, QuestionIntent.valueOf(columns[0].strip()),
                        columns[1].strip().replace("\\n", "\n")));
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
