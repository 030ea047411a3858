package dev.interviewagent.testkit.respondent;

import static dev.interviewagent.testkit.respondent.Phrasing.firstSentence;
import static dev.interviewagent.testkit.respondent.Phrasing.lowerFirst;

import dev.interviewagent.testkit.intent.QuestionIntent;
import dev.interviewagent.testkit.persona.Persona;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The synthetic respondent's pools of answers (motivation, principles, numbers, ...) and what it says when a pool
 * runs dry: "nothing more" from a tired expert, else the gist of something said before. Kept apart from choosing
 * which pool a question draws on. Shares the respondent's history, so a repeat is drawn from what was really said.
 */
final class AnswerPools {

    private final Persona persona;
    private final Persona.Behaviours behaviours;
    private final Voice voice;
    private final SplittableRandom random;
    private final List<Utterance> history;
    private final Map<String, Integer> used = new HashMap<>();
    private int nothingMoreUsed;

    AnswerPools(Persona persona, Voice voice, SplittableRandom random, List<Utterance> history) {
        this.persona = persona;
        this.behaviours = persona.behaviours();
        this.voice = voice;
        this.random = random;
        this.history = history;
    }

    /** The next unused answer of a pool; when the pool is used up, fatigue or a repeat. */
    Utterance pooled(String pool, List<String> answers, AnswerKind kind, QuestionIntent intent) {
        int next = used.getOrDefault(pool, 0);
        if (next < answers.size()) {
            used.put(pool, next + 1);
            String text = shaped(answers.get(next));
            if (behaviours.storyteller() && kind != AnswerKind.PRINCIPLE) {
                int p = used.getOrDefault("principles", 0);
                if (p < persona.principles().size()) {
                    used.put("principles", p + 1);
                    text = text + " " + persona.principles().get(p);
                }
            }
            return new Utterance(text, kind, intent, List.of(), null);
        }
        return exhausted(intent, pool);
    }

    /**
     * Nothing new left for this question: a tired expert says so; otherwise the gist of something said before,
     * with "as I said" from a corrector.
     */
    Utterance exhausted(QuestionIntent intent, String pool) {
        if (behaviours.fatigue() || history.isEmpty()) {
            List<String> phrases = persona.nothingMore();
            String text = phrases.get(nothingMoreUsed++ % phrases.size());
            return new Utterance(text, AnswerKind.NOTHING_MORE, intent, List.of(), null);
        }
        Utterance earlier = history.get(random.nextInt(history.size()));
        return asISaid(intent, earlier.text());
    }

    Utterance asISaid(QuestionIntent intent, String earlier) {
        String gist = firstSentence(earlier);
        if (!behaviours.corrector()) {
            return new Utterance(gist, AnswerKind.AS_I_SAID, intent, List.of(), null);
        }
        return new Utterance(voice.asISaid() + lowerFirst(gist), AnswerKind.AS_I_SAID, intent, List.of(), null);
    }

    /** A terse expert gives only the first sentence. */
    String shaped(String text) {
        return behaviours.terse() ? firstSentence(text) : text;
    }
}
