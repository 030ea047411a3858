package dev.interviewagent.core.internal.understanding;

import dev.interviewagent.core.Language;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Interim reader (replaced by the corpus-backed one). */
public final class AnswerReader {
    private static final int F = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern TACIT = Pattern.compile("just (?:kind of )?know|it's a feeling|gut feel|hard to put into words|comes with experience|can't explain|чувствуешь|сложно объяснить|интуици|просто видно|чуть[её]|на глаз", F);
    private static final Pattern FATIGUE = Pattern.compile("nothing (?:more|else) (?:to add|comes to mind)|all i can (?:add|say)|said everything|that's all|больше (?:нечего|ничего)|это всё|это все|нечего добавить", F);
    private static final Pattern META = Pattern.compile("^(?:as i said|like i said|as i mentioned|i just told you|как я уже (?:говорил|сказал)|я же говорил|я уже)", F);
    private static final Pattern TIME = Pattern.compile("\\b(?:last|one|two|three) (?:year|month|week|winter|summer|spring|autumn|fall|night|morning|day|time|october|march)|\\bin (?:19|20)\\d\\d|\\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\\b|ago\\b|однажды|прошл(?:ой|ым|ом) (?:осенью|зимой|весной|летом|году|месяце)|зимой|летом|весной|осенью|назад|в (?:19|20)\\d\\d|позапрошл", F);
    private static final Pattern PAST = Pattern.compile("\\b\\w+ed\\b|\\b(?:was|were|had|did|came|went|saw|took|told|found|got|made|lost|felt|knew)\\b|\\b[а-яё]+(?:ла|ли|лся|лась|лось)\\b", F);
    private static final Pattern STEPS = Pattern.compile("\\bfirst\\b.*\\bthen\\b|сначала.*потом", F | Pattern.DOTALL);
    private static final Pattern FAIL = Pattern.compile("mistake|error|wrong|ошибк|не так", F);
    private static final Pattern YEARS = Pattern.compile("(\\d{1,2}|eighteen|twenty|fifteen|twelve|ten) (?:years|лет|года)", F);

    public AnswerReading read(String text, Language language) {
        Set<ContentLabel> labels = EnumSet.noneOf(ContentLabel.class);
        String t = text.length() > 20000 ? text.substring(0, 20000) : text;
        if (TACIT.matcher(t).find()) labels.add(ContentLabel.TACIT);
        if (FATIGUE.matcher(t).find() && t.split("\\s+").length < 25) labels.add(ContentLabel.FATIGUE);
        if (META.matcher(t.strip()).find()) labels.add(ContentLabel.META);
        Matcher past = PAST.matcher(t);
        int pastCount = 0;
        while (past.find()) pastCount++;
        String anchor = null;
        if (TIME.matcher(t).find() && pastCount >= 3 && t.split("\\s+").length >= 25) {
            labels.add(ContentLabel.EPISODE);
            String first = t.strip().split("(?<=[.!?])\\s+")[0];
            String[] words = first.split("\\s+");
            anchor = String.join(" ", java.util.Arrays.copyOfRange(words, Math.min(2, words.length - 1), Math.min(words.length, 10)));
        }
        if (STEPS.matcher(t).find()) labels.add(ContentLabel.STEPS);
        if (FAIL.matcher(t).find()) labels.add(ContentLabel.FAILURE);
        Map<FactSlot, String> facts = new EnumMap<>(FactSlot.class);
        Matcher y = YEARS.matcher(t);
        if (y.find()) { facts.put(FactSlot.YEARS, y.group()); labels.add(ContentLabel.FACT); }
        boolean tired = Pattern.compile("i'm tired|i am tired|устал", F).matcher(t).find();
        return new AnswerReading(labels, anchor, List.of(), facts, tired);
    }
}
