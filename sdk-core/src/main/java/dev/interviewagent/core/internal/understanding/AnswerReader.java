package dev.interviewagent.core.internal.understanding;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.internal.text.Pleasantries;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads what one answer carries, English or Russian: a story (episode), steps, a mistake with its sign or fix, a
 * principle, a tacit marker, "nothing more", a remark about the conversation ("as I said"), known facts. An episode
 * is scored from several features (a time anchor, past-tense narrative, numbers, length) rather than one phrase;
 * tacit and fatigue markers count only in answers that carry nothing concrete. Immutable and thread-safe.
 */
public final class AnswerReader {

    /** Characters read at most. */
    static final int WINDOW = 20_000;
    /** A "nothing more" or tacit answer is short; longer ones carry content whatever they say. */
    static final int SHORT_ANSWER = 22;
    /** An episode needs room to tell one. */
    static final int MIN_EPISODE_WORDS = 22;

    private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final Pattern TACIT = Pattern.compile(String.join("|",
            "\\bjust (?:kind of |sort of )?(?:know|knows|feel|feels|tell|tells|looks?|sounds?|tips?)\\b",
            "\\byou (?:can )?(?:just )?tell\\b", "\\bfeels? (?:it|wrong|right|off|when)\\b",
            "\\b(?:hands?|ears?|eyes?|nose|gut|body) (?:knows?|tells?|for it)\\b", "\\bgrow an? (?:ear|eye|feel)\\b",
            "\\ba (?:sense|feel|feeling) (?:you|for)\\b", "\\bin the air\\b", "\\btells you\\b", "\\bor it doesn't\\b",
            "\\bbelow your\\b", "\\bback of (?:your|my) neck\\b", "\\bhard to (?:explain|put|describe|say)\\b",
            "\\binstinct", "\\bintuition", "\\bgut feel", "\\bit's a feeling\\b", "\\bcomes with (?:experience|time)\\b",
            "\\bcan't (?:explain|describe|put it)\\b",
            "чувству", "чувствуешь", "\\bсам[ао]? (?:покажет|говорит|скажет|подсказывает|цепляется|видно)",
            "\\b(?:просто|сразу|с порога|по \\p{L}+(?: просто)?) видно\\b", "чуть[её]", "\\bнюх\\b", "\\bглаз\\b", "\\bв руках\\b", "\\bслух\\b",
            "приходит", "объяснить (?:трудно|сложно|нельзя)", "сложно объяснить", "словами (?:не|плохо|такое)",
            "интуиц", "на глаз"), F);
    private static final Pattern FATIGUE = Pattern.compile(String.join("|",
            "\\bnothing (?:more|else|further|left)\\b", "\\b(?:that's|that is|it's) (?:it|all|the lot|everything)\\b",
            "\\beverything (?:i|i've|there)\\b", "\\ball i (?:can|have|know|'ve)\\b", "\\bcovers it\\b",
            "\\bwhole of it\\b", "\\bno more\\b", "\\banything (?:more|else)\\b", "\\ba thing to add\\b",
            "\\btapped out\\b", "\\bsaid my piece\\b", "\\bemptied\\b", "\\bburned through\\b",
            "\\bdon't have (?:more|anything)\\b", "\\bcan't think of\\b", "\\bthat's about it\\b",
            "\\bнечего\\b", "\\bничего (?:больше|не (?:добавлю|вспомню|упустил)|на ум|в голову)",
            "\\bбольше ничего\\b", "\\b(?:это|вот и|и) вс[её]\\b", "\\bвс[её],? (?:что|по-моему|больше)",
            "\\bу меня вс[её]\\b", "\\bостановлюсь\\b", "\\bвс[её] рассказал", "\\bне упустил",
            "\\bглавное я уже сказал", "\\bпожалуй,? вс[её]\\b", "\\bвс[её] про это\\b", "^вс[её]\\b"), F);
    private static final Pattern TIRED = Pattern.compile(
            "\\bi'?m (?:so |really |a bit |quite )?(?:tired|exhausted|worn out)\\b|\\bi am tired\\b|\\bустал[аи]?\\b"
                    + "|\\bсил (?:уже )?нет\\b", F);
    private static final Pattern META = Pattern.compile(
            "^(?:well,? )?(?:as i (?:said|mentioned|told you)|like i (?:said|mentioned)|i (?:just |already )?(?:told"
                    + " you|said that|mentioned (?:it|that|this))|как (?:я )?уже (?:говорил|сказал|рассказывал)[аи]?"
                    + "|я же (?:говорил|сказал)[аи]?|я уже (?:говорил|отвечал|рассказывал)[аи]?)", F);
    private static final Pattern TIME_ANCHOR = Pattern.compile(String.join("|",
            "\\b(?:last|this past|one|two|three|a few|several|that) (?:years?|months?|weeks?|winters?|summers?"
                    + "|springs?|autumns?|falls?|nights?|mornings?|evenings?|days?|times?|shifts?|seasons?"
                    + "|january|february|march|april|may|june|july|august|september|october|november|december"
                    + "|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b",
            "\\b(?:in|on|during|by|around) (?:the )?(?:spring|summer|autumn|fall|winter|early|late)?\\s?(?:of )?"
                    + "(?:19|20)\\d\\d\\b", "\\b(?:19|20)\\d\\d\\b",
            "\\b(?:january|february|march|april|june|july|august|september|october|november|december)\\b",
            "\\bon a (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b", "\\bago\\b", "\\bonce\\b",
            "\\byesterday\\b", "\\bthe other day\\b",
            "однажды", "прошл(?:ой|ым|ом|ую|ого) (?:осень|зим|весн|лет|год|месяц|недел|август|сентябр|ма)",
            "позапрошл", "\\b(?:зимой|летом|весной|осенью)\\b", "назад\\b", "\\b(?:19|20)\\d\\d",
            "\\b(?:январ|феврал|март|апрел|ма[яе]|июн|июл|август|сентябр|октябр|ноябр|декабр)\\p{L}*",
            "как-то раз", "\\bв тот (?:день|раз|вечер)"), F);
    private static final Pattern PAST_EN = Pattern.compile("\\b(?:\\p{L}{2,}ed|was|were|had|did|came|went|saw|took"
            + "|told|found|got|made|lost|felt|knew|rang|began|sent|left|ran|put|kept|said|thought|brought|caught|gave"
            + "|heard|stood|fell|held|broke|wrote|sold|paid|drove|spent|won|woke)\\b", F);
    private static final Pattern PAST_RU = Pattern.compile("\\b\\p{L}{2,}(?:ла|ли|ло|лся|лась|лось|лись)\\b|\\b\\p{L}{2,}л\\b",
            F);
    private static final Pattern NUMBER = Pattern.compile("\\d|\\b(?:two|three|four|five|six|seven|eight|nine|ten"
            + "|twelve|twenty|forty|fifty|hundred|два|две|три|четыре|пять|шесть|десять|сто)\\b", F);
    private static final Pattern STEPS = Pattern.compile(
            "\\bfirst(?:ly)?\\b[^.]*[.;,]?.{0,400}?\\b(?:then|next|after that|second)\\b"
                    + "|сначала.{0,400}?(?:потом|затем|после этого|дальше)", F | Pattern.DOTALL);
    private static final Pattern FAILURE = Pattern.compile(
            "\\bmistakes?\\b|\\berrors?\\b|\\bwent wrong\\b|\\bgo(?:es)? wrong\\b|\\bfailed to\\b|\\bforg[eo]t"
                    + "|\\boverlook|\\bmisse[ds]\\b|\\bskipp?(?:ed|ing)\\b|ошиб|пошло не так|забыва|забыл|пропуска"
                    + "|пропустил|недосмотр|проглядел|промах", F);
    private static final Pattern CONSEQUENCE_OR_FIX = Pattern.compile(
            "\\bsigns?\\b|\\bnotic|\\bcatch|\\bcaught|\\bfix|\\bcost|\\blost\\b|\\bends? up|\\bturns? into"
                    + "|\\bleads? to|\\bresult(?:ed|s)? in|\\bprevent|\\bwrote off|признак|замет|лов|исправ|стоил"
                    + "|оборач|обернул|привел|привело|потер|в итоге|списал", F);
    private static final Pattern PRINCIPLE = Pattern.compile(
            "\\bbecause\\b|\\bthe rule\\b|\\brule of thumb\\b|\\balways\\b|\\bnever\\b|\\bthe trick\\b|\\bthe key\\b"
                    + "|\\bпотому что\\b|\\bправило\\b|\\bвсегда\\b|\\bникогда\\b|\\bглавное\\b|\\bсекрет\\b", F);
    private static final Pattern YEARS = Pattern.compile(
            "\\b(\\d{1,2}|eighteen|twenty|fifteen|twelve|ten|eleven|thirteen|fourteen|sixteen|seventeen|nineteen"
                    + "|thirty)(?:\\+)? (?:years|лет|года)\\b", F);
    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?])\\s+");

    /** Reads one answer. Never throws on odd input: an empty or blank answer carries nothing. */
    public AnswerReading read(String text, Language language) {
        String t = text == null ? "" : text.length() > WINDOW ? text.substring(0, WINDOW) : text;
        String content = Pleasantries.strip(t);
        int words = content.isBlank() ? 0 : content.strip().split("\\s+").length;
        Set<ContentLabel> labels = EnumSet.noneOf(ContentLabel.class);
        boolean numbers = NUMBER.matcher(content).find();

        boolean episode = words >= MIN_EPISODE_WORDS && TIME_ANCHOR.matcher(content).find()
                && pastTense(content) >= 3;
        if (episode) {
            labels.add(ContentLabel.EPISODE);
        }
        if (STEPS.matcher(content).find()) {
            labels.add(ContentLabel.STEPS);
        }
        if (FAILURE.matcher(content).find() && (CONSEQUENCE_OR_FIX.matcher(content).find() || episode)) {
            labels.add(ContentLabel.FAILURE);
        }
        if (PRINCIPLE.matcher(content).find() && words >= 8) {
            labels.add(ContentLabel.PRINCIPLE);
        }
        boolean concrete = episode || numbers || labels.contains(ContentLabel.STEPS);
        if (words <= SHORT_ANSWER && !concrete && TACIT.matcher(content).find()) {
            labels.add(ContentLabel.TACIT);
        }
        if (words <= SHORT_ANSWER && !concrete && FATIGUE.matcher(content).find()) {
            labels.add(ContentLabel.FATIGUE);
            labels.remove(ContentLabel.TACIT);
        }
        if (META.matcher(content.strip()).find()) {
            labels.add(ContentLabel.META);
        }
        Map<FactSlot, String> facts = new EnumMap<>(FactSlot.class);
        Matcher years = YEARS.matcher(content);
        if (years.find()) {
            facts.put(FactSlot.YEARS, years.group());
            labels.add(ContentLabel.FACT);
        }
        return new AnswerReading(labels, episode ? anchor(content) : null, List.of(), facts,
                TIRED.matcher(content).find());
    }

    private static int pastTense(String text) {
        int n = 0;
        Matcher en = PAST_EN.matcher(text);
        while (en.find()) {
            n++;
        }
        Matcher ru = PAST_RU.matcher(text);
        while (ru.find()) {
            n++;
        }
        return n;
    }

    /**
     * A short fragment of the story to anchor probes on: the clause with the most event in it (numbers and past
     * verbs) among the first sentences, cut to at most ten words at a word boundary.
     */
    static @Nullable String anchor(String story) {
        String[] sentences = SENTENCE.split(story.strip());
        String best = null;
        int bestScore = -1;
        for (int i = 0; i < Math.min(3, sentences.length); i++) {
            for (String clause : sentences[i].split("[,;:—–]\\s*")) {
                String c = clause.strip();
                int wordCount = c.isEmpty() ? 0 : c.split("\\s+").length;
                if (wordCount < 3) {
                    continue;
                }
                int score = pastTense(c) * 2 + (NUMBER.matcher(c).find() ? 1 : 0) - (i > 0 ? 1 : 0);
                if (score > bestScore) {
                    bestScore = score;
                    best = c;
                }
            }
        }
        if (best == null) {
            return null;
        }
        List<String> words = new ArrayList<>(List.of(best.split("\\s+")));
        if (words.size() > 10) {
            words = words.subList(0, 10);
        }
        String fragment = String.join(" ", words);
        return fragment.replaceAll("[\\s,;:.!?—–-]+$", "");
    }
}
