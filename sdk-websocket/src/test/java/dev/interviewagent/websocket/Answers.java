package dev.interviewagent.websocket;

import java.util.Locale;

/** Answers for tests. */
final class Answers {

    private Answers() {
    }

    /** A rich answer that differs each turn: an example, steps, numbers, a failure and its fix. */
    static String rich(String language, int n) {
        if (language.toLowerCase(Locale.ROOT).equals("ru")) {
            return String.format("В прошлый вторник на объекте %d был случай: сначала я проверил журнал давления, "
                    + "потом позвонил начальнику смены, после этого мы заменили клапан %d за %d минут. Типичная "
                    + "ошибка новичков — пропускать просмотр журнала; однажды мы потеряли %d тысяч рублей, а "
                    + "признаком был спад расхода на %d процентов. Теперь я всегда сравниваю показания с тремя "
                    + "последними сменами, и это сократило аварии на %d процентов за %d месяцев.",
                    100 + n, 7 + n, 20 + n, 300 + n, 3 + n % 5, 10 + n, 2 + n % 9);
        }
        return String.format("Last Tuesday at plant %d I had a case: first I checked the pressure log, then I called "
                + "the shift lead, after that we replaced valve %d within %d minutes. The mistake newcomers make "
                + "is skipping the log review; we once lost $%d,000 because of it, and the warning sign was a %d%% "
                + "drop in flow. Now I always compare readings with the last three shifts, which cut incidents by "
                + "%d%% over %d months.", 100 + n, 7 + n, 20 + n, 30 + n, 3 + n % 5, 10 + n, 2 + n % 9);
    }
}
