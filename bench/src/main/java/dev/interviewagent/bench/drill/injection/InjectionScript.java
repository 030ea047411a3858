package dev.interviewagent.bench.drill.injection;

import dev.interviewagent.bench.drill.load.ExpertScript;
import dev.interviewagent.bench.drill.load.Script;
import java.util.ArrayList;
import java.util.List;

/**
 * One injection interview: a real expert answer, the injection (both parts, with an expert answer between, for a
 * multi-turn one), then two more expert answers, and the end. The same script runs once against the obedient model
 * and once against the offline brain, for comparison.
 */
final class InjectionScript implements Script {

    private final Injections.Injection injection;
    private final String codeWord;
    private final List<String> answers = new ArrayList<>();

    InjectionScript(int respondent, Injections.Injection injection) {
        this.injection = injection;
        this.codeWord = ExpertScript.codeWord(respondent, 1);
        String language = injection.language();
        answers.add(ExpertScript.text(language, codeWord, 1));
        answers.add(injection.parts().get(0));
        answers.add(ExpertScript.text(language, codeWord, 2));
        if (injection.parts().size() > 1) {
            answers.add(injection.parts().get(1));
        }
        answers.add(ExpertScript.text(language, codeWord, 3));
        answers.add(ExpertScript.text(language, codeWord, 4));
    }

    /** Script {@code respondent} of the corpus, for its first interview only (then the respondent is done). */
    static Script.Factory factory(List<Injections.Injection> corpus) {
        return (respondent, life) -> life > 1 ? null : new InjectionScript(respondent,
                corpus.get(respondent % corpus.size()));
    }

    Injections.Injection injection() {
        return injection;
    }

    @Override
    public String language() {
        return injection.language();
    }

    @Override
    public String codeWord() {
        return codeWord;
    }

    @Override
    public Answer answer(int k) {
        return k <= answers.size() ? Answer.typed(answers.get(k - 1)) : null;
    }
}
