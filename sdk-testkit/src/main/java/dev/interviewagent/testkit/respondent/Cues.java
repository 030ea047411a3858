package dev.interviewagent.testkit.respondent;

import java.util.Locale;
import java.util.regex.Pattern;

/** Words in a question that say which part of a story, a process or a mistake it asks about. */
final class Cues {

    private static final Pattern JUDGEMENT = words("judg(e)?ment|skip|skipped|hardest|tricky|trickiest|most care"
            + "|easy to get wrong|experience|суждени|пропуска|пропуст|сложн|трудн|чуть|опыт|внимани");
    private static final Pattern SIGN = words("sign|signal|notice|early|first|warn|away|spots|признак|замет|сигнал"
            + "|рань|перв|выда");
    private static final Pattern FIX = words("fix|put it right|catch|caught|prevent|recover|solve|correct|do about"
            + "|исправ|лов|предотвр|реша|спаса|устран|первым делом");
    private static final Pattern CONSEQUENCE = words("cost|consequence|how bad|lead|result|price|послед|стоил"
            + "|стоит|обход|привод|обор|цен|плохо");
    private static final Pattern IN_THE_MOMENT = words("then|that moment|that point|that day|that night|in that"
            + "|there|at the time|тогда|в тот момент|в той|в том|на вашем месте|там|в этот момент");
    private static final Pattern COVERED = words("not cover|haven't cover|didn't cover|missed|anything else|else you"
            + "|не затронул|не обсудил|не спросил|что-то ещё|что ещё|добавить");
    private static final Pattern PAUSE = words("pause|break|breather|rest|паузу|пауза|перерыв|передохн");

    private Cues() {
    }

    private static Pattern words(String alternatives) {
        return Pattern.compile("(?:" + alternatives + ")", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static boolean has(Pattern pattern, String question) {
        return pattern.matcher(question.toLowerCase(Locale.ROOT)).find();
    }

    static boolean asksJudgement(String q) {
        return has(JUDGEMENT, q);
    }

    static boolean asksSign(String q) {
        return has(SIGN, q);
    }

    static boolean asksFix(String q) {
        return has(FIX, q);
    }

    static boolean asksConsequence(String q) {
        return has(CONSEQUENCE, q);
    }

    static boolean inTheMoment(String q) {
        return has(IN_THE_MOMENT, q);
    }

    static boolean asksWhatWasMissed(String q) {
        return has(COVERED, q);
    }

    static boolean offersPause(String q) {
        return has(PAUSE, q);
    }
}
