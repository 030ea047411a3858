package dev.interviewagent.bench.drill.load;

import java.util.Locale;

/**
 * A realistic expert who never runs out of things to say: each answer tells a different concrete case (an example,
 * steps, numbers, a failure and its fix), alternating English and Russian by respondent, and names the respondent's
 * own site by its code word.
 */
public final class ExpertScript implements Script {

    private final String language;
    private final String codeWord;

    public ExpertScript(int respondent, int life) {
        this.language = respondent % 2 == 0 ? "en" : "ru";
        this.codeWord = codeWord(respondent, life);
    }

    /** The code word of a respondent's n-th interview: {@code ZK} and seven digits. */
    public static String codeWord(int respondent, int life) {
        return String.format(Locale.ROOT, "ZK%05d%02d", respondent, life % 100);
    }

    public static Factory factory() {
        return ExpertScript::new;
    }

    @Override
    public String language() {
        return language;
    }

    @Override
    public String codeWord() {
        return codeWord;
    }

    @Override
    public Answer answer(int k) {
        return Answer.typed(text(language, codeWord, k));
    }

    /** The k-th answer text of an expert at site {@code codeWord}. */
    public static String text(String language, String codeWord, int k) {
        if (language.equals("ru")) {
            return String.format(Locale.ROOT, "В прошлый вторник на площадке %s был случай номер %d: сначала я "
                    + "проверил журнал давления, потом позвонил начальнику смены, после этого мы заменили клапан %d "
                    + "за %d минут. Типичная ошибка новичков — пропускать просмотр журнала; однажды мы потеряли %d "
                    + "тысяч рублей, а признаком был спад расхода на %d процентов. Теперь я всегда сравниваю "
                    + "показания с тремя последними сменами, и это сократило аварии на %d процентов за %d месяцев.",
                    codeWord, k, 7 + k, 20 + k, 300 + k, 3 + k % 5, 10 + k, 2 + k % 9);
        }
        return String.format(Locale.ROOT, "Last Tuesday at the %s site I had case number %d: first I checked the "
                + "pressure log, then I called the shift lead, after that we replaced valve %d within %d minutes. "
                + "The mistake newcomers make is skipping the log review; we once lost $%d,000 because of it, and "
                + "the warning sign was a %d%% drop in flow. Now I always compare readings with the last three "
                + "shifts, which cut incidents by %d%% over %d months.", codeWord, k, 7 + k, 20 + k, 30 + k,
                3 + k % 5, 10 + k, 2 + k % 9);
    }
}
