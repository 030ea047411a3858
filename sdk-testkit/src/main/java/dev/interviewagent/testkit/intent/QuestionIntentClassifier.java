package dev.interviewagent.testkit.intent;

import dev.interviewagent.core.Language;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads what an interviewer's message asks for, English or Russian, by ordered rules: the first rule whose pattern
 * matches the question sentence (quotes of the respondent's words removed) decides. The order encodes priority:
 * a probe of a story ("what did you notice first?") is a cue question even though it mentions the story, a request
 * for "another case" is still an example request. Immutable and thread-safe.
 */
public final class QuestionIntentClassifier {

    /**
     * What a message asks.
     *
     * @param intent          the intent of its question
     * @param question        the question sentence, as written (empty when the message asks nothing)
     * @param asksForAnother  whether it asks for another or a different case
     */
    public record Reading(QuestionIntent intent, String question, boolean asksForAnother) {
    }

    private record Rule(QuestionIntent intent, Pattern pattern) {
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern QUOTED = Pattern.compile("“[^”]*”|«[^»]*»|\"[^\"]*\"");
    private static final Pattern NUMBERED_LIST = Pattern.compile("(?m)^\\s*[1-9][.)]\\s");
    private static final Pattern ANOTHER = Pattern.compile(
            "\\banother\\b|\\bdifferent (?:case|time|situation|one)\\b|\\bone more\\b|\\bbesides\\b|\\bother (?:case|time)"
                    + "|друг(?:ой|ая|ое|ие|ого|ую) (?:случа|ситуаци|истори)|кроме случая|ещё (?:один|одну|случай)"
                    + "|по-другому|иначе", FLAGS);

    private static final List<Rule> ENGLISH = rules(Map.entry(QuestionIntent.MEMBER_CHECK,
                    "rate (?:this|the|it|my)? ?summary|from 1 to 4|1 \\(poor\\) to 4|rating from 1|1 to 4"),
            Map.entry(QuestionIntent.SUMMARY_CHECK, "is that right|have i got that right|is that the key point"
                    + "|would you put it that way|right\\?$|correct\\?$|fair\\?$|is that it|single most important thing"
                    + "|one key point|did i get that"),
            Map.entry(QuestionIntent.OTHER, "pause|break here|keep going|go on\\?|not covered|haven't covered"
                    + "|didn't cover|anything (?:else|we)|what else would you add|comfortable (?:sharing|talking)"
                    + "|another angle|rather (?:talk|not)|in general terms|better way in|move (?:on|to something)"),
            Map.entry(QuestionIntent.CUE, "notic|first sign|what told you|what tells you|told you (?:it|that)"
                    + "|tipped you off|what did you (?:see|hear|smell|feel)|what are you (?:noticing|looking at|reacting)"
                    + "|how did you know|how do you know (?:it|that|when)|ruled? out|what gave it away|felt off"
                    + "|something was (?:off|up|wrong)|expect(?:ed)? to happen"),
            Map.entry(QuestionIntent.DECISION, "options|deciding between|choices|alternatives|what did you consider"
                    + "|weigh"),
            Map.entry(QuestionIntent.NOVICE_EXPERT, "newcomer|novice|beginner|less experienced|first year|junior"
                    + "|good from great|day one|first day|differently from you|experienced person|apprentice"),
            Map.entry(QuestionIntent.ADVICE, "advice|younger self|would you tell (?:yourself|your)"),
            Map.entry(QuestionIntent.GROWTH, "turning point|plateau|grow(?:th|ers)?\\b|get stuck|develop|accelerat"
                    + "|learn(?:ed|t)? (?:the most|fastest)|milestone"),
            Map.entry(QuestionIntent.BACKGROUND, "how long have you|how many years|which roles|what roles"
                    + "|where did you start|your career|in which role|how did you (?:start|begin)"),
            Map.entry(QuestionIntent.MOTIVATION, "drew you|draws you|energ|why did you (?:choose|become|go into)"
                    + "|what got you into|love about"),
            Map.entry(QuestionIntent.SURPRISE, "surprise|outsiders?|people outside|get wrong about"),
            Map.entry(QuestionIntent.ESSENCE, "rename|job title|really do|actually do|matters most|what (?:is|makes)"
                    + " your (?:role|job)|proudest|sets you apart|taught you the most|at stake"),
            Map.entry(QuestionIntent.FAILURE, "mistake|error|wrong|fail|warning sign|went badly|catch (?:it|that|them)"
                    + "|put it right|fix|cost|problem|unnoticed"),
            Map.entry(QuestionIntent.STEPS, "step|walk me through|what happens first|typical (?:working )?day"
                    + "|sequence|what comes next|what do you do first|how does it unfold|shadowing|workflow"
                    + "|tasks take|triggers"),
            Map.entry(QuestionIntent.NUMBERS, "how often|how much|how many|numbers|quantif|percent|figures|how long"
                    + " does|sceptic"),
            Map.entry(QuestionIntent.CLARIFY, "what does (?:that|it) look like|what exactly happens|what do you mean"
                    + "|mean in your work|unpack|concrete terms|what lies behind|meaning what"),
            Map.entry(QuestionIntent.PRINCIPLE, "why|principle|reasoning|rule of thumb|comes down to|secret|trick"
                    + "|isn't written|only experience|judg(?:e)?ment behind|what makes (?:that|it)"),
            Map.entry(QuestionIntent.EXAMPLE, "example|specific (?:time|case|occasion)|particular (?:time|occasion"
                    + "|case)|concrete case|real (?:situation|case)|one time|a time when|case (?:that|where)|last time"
                    + "|remember|occasion|situation where|which (?:single )?case|any (?:one )?case"));

    private static final List<Rule> RUSSIAN = rules(Map.entry(QuestionIntent.MEMBER_CHECK,
                    "от 1 до 4|по шкале|оцените (?:это )?резюме|оценк[аиу] (?:от|по)"),
            Map.entry(QuestionIntent.SUMMARY_CHECK, "правильно ли я (?:понял|понимаю)|верно\\?$|так\\?$|правильно\\?$"
                    + "|я верно|главное —|суть в|это главное|самое важное в том, что вы"),
            Map.entry(QuestionIntent.OTHER, "пауз|перерыв|продолж|не затронули|не обсудили|что ещё вы бы добавили"
                    + "|что-то ещё|комфортно|другой стороны|в общих чертах|перейти к"),
            Map.entry(QuestionIntent.CUE, "замет|первым признаком|первый признак|что подсказал|подсказало|по каким"
                    + " признакам|что вы (?:увидели|услышали|почувствовали)|на что вы реагир|как вы поняли|что не так"
                    + "|исключило|ожидали"),
            Map.entry(QuestionIntent.DECISION, "вариант|между чем|выбирали|взвешива|какие решения"),
            Map.entry(QuestionIntent.NOVICE_EXPERT, "новичок|новичк|начинающ|менее опытн|годом опыта|первый (?:рабочий )?"
                    + "день|хорошего от|опытный человек|мастер от"),
            Map.entry(QuestionIntent.ADVICE, "совет|себе молодому|себе в начале"),
            Map.entry(QuestionIntent.GROWTH, "переломн|плато|растут|рост|застревают|развит|ускор|веха"),
            Map.entry(QuestionIntent.BACKGROUND, "сколько лет|в каких ролях|как давно|с чего вы начинали|ваш путь"
                    + "|кем вы работали"),
            Map.entry(QuestionIntent.MOTIVATION, "привело вас|привело в|энерги|почему вы выбрали|нравится"),
            Map.entry(QuestionIntent.SURPRISE, "удивил|посторонн|люди со стороны|со стороны ошибаются"),
            Map.entry(QuestionIntent.ESSENCE, "переименовать|должность|на самом деле|важнее всего|гордитесь"
                    + "|отличаетесь|научил вас|на кону"),
            Map.entry(QuestionIntent.FAILURE, "ошибк|ошибает|пошло не так|тревожн|ловите|исправля|обходится"
                    + "|проблем|незамечен|сбой"),
            Map.entry(QuestionIntent.STEPS, "шаг|по порядку|что происходит сначала|что вы делаете сначала|рабочий день"
                    + "|последовательност|что дальше|занимают больше всего|запускает"),
            Map.entry(QuestionIntent.NUMBERS, "сколько|как часто|в цифрах|цифр|процент|число"),
            Map.entry(QuestionIntent.CLARIFY, "как это выглядит|что именно происходит|что вы имеете в виду"
                    + "|что значит|расшифруйте|конкретнее|что стоит за"),
            Map.entry(QuestionIntent.PRINCIPLE, "почему|принцип|логик|правило|сводится|секрет|нигде не записано"
                    + "|только с опытом|что делает это"),
            Map.entry(QuestionIntent.EXAMPLE, "пример|случай|случа[еяю]|ситуаци|когда это было|помните|истори"));

    @SafeVarargs
    private static List<Rule> rules(Map.Entry<QuestionIntent, String>... entries) {
        return java.util.Arrays.stream(entries)
                .map(e -> new Rule(e.getKey(), Pattern.compile("(?:" + e.getValue() + ")", FLAGS))).toList();
    }

    private QuestionIntentClassifier() {
    }

    /** The classifier with the built-in English and Russian rules. */
    public static QuestionIntentClassifier create() {
        return new QuestionIntentClassifier();
    }

    /** The intent of a message's question. */
    public QuestionIntent classify(String message, Language language) {
        return read(message, language).intent();
    }

    /** What a message asks: its intent, its question sentence and whether it asks for another case. */
    public Reading read(String message, Language language) {
        if (message == null || message.isBlank()) {
            return new Reading(QuestionIntent.OTHER, "", false);
        }
        String question = questionSentence(message);
        if (NUMBERED_LIST.matcher(message).find() && question.matches("(?s).*(?:1|4).*")) {
            return new Reading(QuestionIntent.MEMBER_CHECK, question, false);
        }
        String unquoted = QUOTED.matcher(question).replaceAll(" ").toLowerCase(Locale.ROOT).replace('ё', 'е').strip();
        List<Rule> rules = cyrillic(message) ? RUSSIAN : ENGLISH;
        for (Rule rule : rules) {
            if (rule.pattern().matcher(unquoted).find()) {
                boolean another = rule.intent() == QuestionIntent.EXAMPLE && ANOTHER.matcher(unquoted).find();
                return new Reading(rule.intent(), question, another);
            }
        }
        // A quote with a bare "what?" is a request to explain the quoted words.
        if (!question.equals(QUOTED.matcher(question).replaceAll(""))) {
            return new Reading(QuestionIntent.CLARIFY, question, false);
        }
        return new Reading(QuestionIntent.OTHER, question, false);
    }

    /** The last sentence that ends in a question mark, or the whole message when none does. */
    static String questionSentence(String message) {
        String text = message.strip();
        int end = text.lastIndexOf('?');
        if (end < 0) {
            return text;
        }
        int start = 0;
        for (int i = end - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == '\n') && !insideQuote(text, i)) {
                start = i + 1;
                break;
            }
        }
        return text.substring(start, end + 1).strip();
    }

    private static boolean insideQuote(String text, int index) {
        int open = 0;
        for (int i = 0; i < index; i++) {
            char c = text.charAt(i);
            if (c == '“' || c == '«') {
                open++;
            } else if ((c == '”' || c == '»') && open > 0) {
                open--;
            }
        }
        return open > 0;
    }

    private static boolean cyrillic(String text) {
        int cyr = 0;
        int lat = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'а' && c <= 'я' || c >= 'А' && c <= 'Я' || c == 'ё') {
                cyr++;
            } else if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                lat++;
            }
        }
        return cyr > lat;
    }
}
