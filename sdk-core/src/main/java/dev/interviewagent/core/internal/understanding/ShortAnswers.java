package dev.interviewagent.core.internal.understanding;

import java.util.regex.Pattern;

/**
 * The shapes of short answers that carry no content of their own, beyond fixed phrases: an expert who has run out
 * says it in a hundred ways ("I'm tapped out there", «по этой части, пожалуй, всё»), and one who knows by feel
 * talks in impersonal sense words ("it just looks off", «машина сама скажет»). The word lists catch the common
 * phrasings; these patterns catch the shape — a short answer with no story, steps or numbers, built around a word
 * of exhaustion or of impersonal perception.
 */
final class ShortAnswers {

    /** Words an answer may have at most to be read by shape. */
    static final int MAX_WORDS = 14;

    // UNICODE_CHARACTER_CLASS: without it \\b treats Cyrillic letters as non-word characters.
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE
            | Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern DIGIT = Pattern.compile("\\d");

    private static final Pattern ENGLISH_DONE = Pattern.compile(String.join("|",
            "\\bnothing (?:more|else|further|left|to add|on (?:that|it)|there|comes)\\b",
            "^\\W*(?:no,? )?nothing\\W*$",
            "\\bnot a thing\\b", "\\bno more\\b", "\\bthat(?:'s| is) (?:it|all|the lot|everything|the whole)\\b",
            "\\b(?:can't|cannot|can not) think of (?:anything|a thing|more|much)\\b",
            "\\b(?:don't|do not) have (?:any |anything )?(?:more|else)\\b",
            "\\b(?:all|everything) (?:i've|i have|i know|i've got|i had|there is)\\b",
            "\\bsaid (?:my piece|it all|everything|all)\\b",
            "\\b(?:i've|i have) (?:already )?(?:said|told you|covered) (?:the main|everything|all)",
            "\\btapped out\\b", "\\bemptied\\b", "\\bran dry\\b",
            "\\brun dry\\b", "\\bout of (?:ideas|things)\\b", "\\bdrawn a blank\\b", "\\bcovers it\\b",
            "\\bnothing further\\b"), FLAGS);
    private static final Pattern RUSSIAN_DONE = Pattern.compile(String.join("|",
            "\\bнечего\\b", "\\bничего (?:больше|не (?:добав|вспомн|упуст|скаж)|на ум|в голову|нового)",
            "\\bбольше (?:ничего|нечего)\\b",
            "^\\W*(?:(?:ну|да|пожалуй|вот|думаю|тут|в общем)\\W+)*(?:это|вот и|и) вс[её]\\b",
            "\\b(?:главное|вс[её]) (?:я )?уже (?:сказал|рассказал|описал)\\p{L}*",
            "\\bу меня вс[её]\\b", "\\bпожалуй,? (?:и )?вс[её]\\b", "\\b(?:это|и) вс[её],? (?:по-моему|пожалуй)\\b",
            "\\bвс[её],? что (?:знал|знала|мог|могла|могу|хотел|хотела|помню)", "^\\W*(?:да,? )?вс[её]\\W*$",
            "\\bвс[её] (?:рассказал|сказал)",
            "\\bна этом(?:,? пожалуй,?)? (?:и )?(?:всё|все|остановлюсь|закончу)\\b", "\\bостановлюсь\\b",
            "\\bне упустил"), FLAGS);
    private static final Pattern ENGLISH_TACIT = Pattern.compile(String.join("|",
            "\\byou (?:just |can |kind of |sort of )*(?:feel|hear|see|tell|sense|know)\\b",
            "\\b(?:it|that|the \\w+) (?:just )?(?:tells|shows|sings|looks|feels|sounds|smells) ",
            "\\b(?:hands?|ears?|eyes?|nose|gut|body|fingers) (?:just )?(?:knows?|tells?|for it)\\b",
            "\\bgrow an? (?:ear|eye|feel|nose|sense)\\b", "\\ba (?:sense|feel|feeling) (?:you|for)\\b",
            "\\bin the air\\b", "\\bback of (?:my|your) neck\\b", "\\bor it doesn't\\b", "\\bbelow your\\b",
            "\\bjust (?:looks?|feels?|sounds?) (?:off|wrong|right)\\b"), FLAGS);
    private static final Pattern RUSSIAN_TACIT = Pattern.compile(String.join("|",
            "\\b(?:чувству|ощуща)\\p{L}*",
            "\\b(?:сам|сама|само|сами) (?:\\p{L}+ )?(?:покаж|скаж|говор|подсказ|подскаж|цепля)",
            "\\b(?:видно|слышно)\\b", "\\b(?:глаз|ухо|нюх|чуть[её])\\b", "\\bв руках\\b",
            "\\bприходит (?:с|со|когда)\\b",
            "\\b(?:объяснить|сказать) (?:трудно|сложно|нельзя)\\b", "\\bсловами (?:не|плохо|такое)\\b",
            "\\bкак слух\\b"), FLAGS);

    private ShortAnswers() {
    }

    /** Whether a short answer without content says there is nothing more. */
    static boolean done(String text, boolean russian) {
        return shortAndBare(text) && (russian ? RUSSIAN_DONE : ENGLISH_DONE).matcher(text.strip()).find();
    }

    /** Whether a short answer without content points to a feel, a sense, a knack. */
    static boolean tacit(String text, boolean russian) {
        return shortAndBare(text) && (russian ? RUSSIAN_TACIT : ENGLISH_TACIT).matcher(text).find();
    }

    private static boolean shortAndBare(String text) {
        return text.strip().split("\\s+").length <= MAX_WORDS && !DIGIT.matcher(text).find();
    }
}
