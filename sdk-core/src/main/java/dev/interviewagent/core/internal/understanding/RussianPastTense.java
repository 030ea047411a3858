package dev.interviewagent.core.internal.understanding;

import java.util.HashSet;
import java.util.Set;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Russian past tense, by the shape of the verb and a stem-indexed list of look-alikes.
 *
 * <p>The Russian past is formed with the suffix {@code -л-} and a gender/number ending: {@code -л, -ла, -ло, -ли},
 * optionally reflexive {@code -ся/-сь}. After the stem vowel that gives the shape
 * <i>vowel + л + (а|о|и)? + (ся|сь)?</i>: «заметил», «заметила», «вздулась», «сломались». The shape alone also fits
 * nouns and adverbs («стол», «недели», «около», «мало»), so a word with the shape counts as a verb only when its
 * Snowball stem is not in {@link #LOOK_ALIKE_STEMS}; stemming that list makes one entry cover every case form
 * («недели», «неделя», «неделю» all stem to «недел»). Past forms without the shape («шёл», «мог», «пёк») come from a
 * short list, and every {@code -шёл/-шла/-шли/-шло} form («пришла», «произошло») is taken as the past of a verb of
 * going.
 */
final class RussianPastTense implements PastTense {

    static final RussianPastTense INSTANCE = new RussianPastTense();

    private static final String VOWELS = "аяеиыуоэю";

    private static final Set<String> IRREGULAR = Set.of(
            "был", "была", "было", "были", "мог", "могла", "могли", "смог", "смогла", "смогли", "помог", "помогла",
            "помогли", "пек", "пекла", "испек", "испекла", "лег", "легла", "принес", "принесла", "принесли", "нес",
            "несла", "привез", "привезла", "привезли", "вез", "везла", "вырос", "выросла", "росла", "умер",
            "замерз", "стер", "вытер", "сжег", "зажег", "рос", "сел", "пришлось", "пришел", "ушел", "нашел",
            "пошел", "вышел", "зашел", "прошел", "дошел", "шел", "ошибся", "ошиблась", "ошиблись", "погиб", "привык",
            "достиг", "промок", "засох", "высох", "заперся", "тер", "вытек", "протек", "истек", "сберег", "сдох",
            "сдохла", "сдохли", "издох", "подох", "заглох", "заглохла", "заглохли", "погас", "погасла", "погасли",
            "потух", "потухла", "потухли", "застрял", "замерзла", "замерзли", "испекли", "пекли", "легли",
            // the bare verb of going and the consonant-stem feminines of crawling and carrying
            "шла", "шли", "шло", "полз", "ползла", "ползли", "пополз", "поползла", "поползли", "поползло",
            "увезла", "унесла", "спасла", "спасли", "трясло", "трясла");

    /** Nouns, adjectives and adverbs that have the past-tense shape; stemmed on load. */
    private static final String[] LOOK_ALIKES = {
        // nouns
        "стол", "угол", "сигнал", "канал", "материал", "журнал", "персонал", "финал", "капитал", "металл", "идеал",
        "генерал", "минерал", "интервал", "арсенал", "портал", "бокал", "вокзал", "подвал", "овал", "зал",
        "кристалл", "балл", "нуль", "ноль", "дело", "тело", "село", "мыло", "сила", "пила", "жила", "скала", "шкала",
        "стрела", "правило", "зеркало", "сало", "крыло", "неделя", "цель", "мебель", "модель", "панель", "артель",
        "дуэль", "соль", "роль", "боль", "воля", "доля", "миля", "пол", "посол", "котел", "орел", "козел", "дятел",
        "пепел", "ангел", "уголь", "мораль", "педаль", "деталь", "сталь", "спираль", "магистраль", "печаль",
        "эмаль", "рояль", "бутыль", "пыль", "гниль", "стиль", "профиль", "автомобиль", "фитиль", "руль", "мысль",
        "постель", "дрель", "отель", "портфель", "шинель", "щель", "метель", "пастель", "ансамбль", "апрель",
        // agent nouns in -тель, whose plural «-тели» looks like «хотели»
        "водитель", "родитель", "житель", "покупатель", "руководитель", "строитель", "зритель", "учитель",
        "двигатель", "выключатель", "ограничитель", "нагреватель", "показатель", "указатель", "любитель",
        "смотритель", "писатель",
        // adverbs and pronoun-like words
        "около", "мало", "немало", "тепло", "светло", "бело", "смело", "тяжело", "весело", "мило", "уныло",
        "кругло", "зло",
        // nouns in -ел, -ул, -ыл
        "отдел", "раздел", "предел", "удел", "прицел", "обстрел", "расстрел", "надел", "пробел", "мел", "стул", "гул",
        "караул", "тыл", "пыл", "аул"
    };

    private static final Set<String> LOOK_ALIKE_STEMS = stems(LOOK_ALIKES);

    private RussianPastTense() {}

    private static Set<String> stems(String[] words) {
        RussianStemmer stemmer = new RussianStemmer();
        Set<String> stems = new HashSet<>();
        for (String word : words) {
            String norm = Tokenizer.normalise(word);
            stemmer.setCurrent(norm);
            stemmer.stem();
            stems.add(stemmer.getCurrent());
        }
        return Set.copyOf(stems);
    }

    @Override
    public boolean isPast(AnalysedText text, int i) {
        Token token = text.token(i);
        if (token.digits()) {
            return false;
        }
        String norm = token.norm();
        if (IRREGULAR.contains(norm) || isVerbOfGoing(norm)) {
            return true;
        }
        // a capital inside a sentence is a name («Павел», «Кирилл»), not a verb
        if (token.capitalised() && i > 0 && text.token(i - 1).sentence() == token.sentence()) {
            return false;
        }
        return (hasPastShape(norm) || hasConsonantPluralShape(norm)) && !LOOK_ALIKE_STEMS.contains(token.stem());
    }

    private static boolean isVerbOfGoing(String word) {
        String norm = word.endsWith("сь") || word.endsWith("ся") ? word.substring(0, word.length() - 2) : word;
        return norm.length() >= 5
                && (norm.endsWith("шел") || norm.endsWith("шла") || norm.endsWith("шли") || norm.endsWith("шло"));
    }

    /**
     * The plural past of verbs whose stem ends in a consonant: «перевезли», «принесли», «смогли», «испекли». The
     * feminine («везла») is left to the list: «стекла», «масла», «числа» have the same shape.
     */
    static boolean hasConsonantPluralShape(String norm) {
        int n = norm.length();
        return n >= 5 && norm.endsWith("ли") && "зсгк".indexOf(norm.charAt(n - 3)) >= 0;
    }

    /** vowel + л + (а|о|и)? + (ся|сь)?, with at least three letters before the vowel's л. */
    static boolean hasPastShape(String norm) {
        String base = norm;
        if (base.endsWith("ся") || base.endsWith("сь")) {
            base = base.substring(0, base.length() - 2);
        }
        boolean reflexive = base.length() < norm.length();
        int l = base.length() - 1;
        if (l >= 0 && "аои".indexOf(base.charAt(l)) >= 0) {
            l--;
        }
        if (l < 3 || base.charAt(l) != 'л') {
            return false;
        }
        char vowel = base.charAt(l - 1);
        // past forms in -ол («колол», «боролся») are rare; nouns in -ол, -ола («рассол», «стола», «школа») are not
        if (vowel == 'о' && !reflexive) {
            return false;
        }
        return VOWELS.indexOf(vowel) >= 0;
    }
}
