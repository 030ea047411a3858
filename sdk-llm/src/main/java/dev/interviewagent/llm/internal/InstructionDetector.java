package dev.interviewagent.llm.internal;

import dev.interviewagent.core.internal.text.TextSanitizer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Recognises answers that try to instruct the interviewer (EN and RU): override its rules, reveal its prompt,
 * change its role, grade the respondent, move the stage, or tell what other respondents said — also when the
 * instruction is Base64-encoded. The analyzer flags such answers too; the LLM brain checks again itself, because it
 * is the part a model could be steered through. A flagged answer stays an answer: the brain only withholds the
 * model's estimates and knowledge for that turn and while the answer stays in the model's context. Stateless.
 *
 * <p>Text is matched in a folded form ({@link #fold}), so disguises a reader sees through do not hide an instruction
 * from the patterns: invisible characters ({@code ig\u200Bnore}), fullwidth or mathematical letters
 * ({@code ｉｇｎｏｒｅ}, {@code 𝐢𝐠𝐧𝐨𝐫𝐞}, by NFKC), stray accents and combining marks, and Cyrillic or Greek
 * look-alikes mixed into a Latin word ({@code ignоre} with a Cyrillic {@code о}), or Latin ones into a Cyrillic word.
 */
final class InstructionDetector {

    private static final List<Pattern> PATTERNS = List.of(
            ci("\\b(ignore|disregard|forget|override|bypass)\\s+(all\\s+|any\\s+|your\\s+|the\\s+above\\s+|everything\\s+"
                    + "|these\\s+)?(previous\\s+|prior\\s+|earlier\\s+|above\\s+|system\\s+|original\\s+)?(instructions|rules"
                    + "|prompt|guidelines|constraints|directives)\\b"),
            ci("\\b(ignore|disregard|forget)\\s+(all|everything)\\s+(above|before|you\\s+were\\s+told)"),
            ci("\\b(print|show|reveal|repeat|output|display|tell\\s+me|give\\s+me|leak|share|paste|quote)\\b.{0,20}"
                    + "\\b(your|the\\s+system|system|hidden|initial|original|secret)\\s+(prompt|instructions|rules"
                    + "|message)"),
            ci("\\b(repeat|print|output|copy)\\s+(the\\s+|all\\s+)?(text|everything|words|lines)\\s+(above|before)"),
            ci("\\byou\\s+are\\s+(now|no\\s+longer)\\b"),
            ci("\\b(from\\s+now\\s+on|now)\\s+(act|behave|respond)\\s+as\\b"),
            ci("\\bpretend\\s+(to\\s+be|you\\s+are|you're)\\b"), ci("\\blet'?s\\s+role[-\\s]?play\\b"),
            ci("\\bdeveloper\\s+mode\\b"), ci("\\bjailbr(eak|oken)"),
            ci("\\b(perfect|maximum|max|highest|full|top)\\s+(score|marks|rating|grade)\\b"),
            ci("\\b(score|rate|grade)\\s+(me|this\\s+answer|my\\s+answers?)\\b"),
            ci("\\b(mark|set|declare|consider)\\b.{0,20}\\b(stage|interview)\\b.{0,20}\\b(as\\s+)?(complete|completed"
                    + "|done|finished)"),
            ci("\\b(skip|jump)\\s+(straight\\s+)?(ahead\\s+)?to\\s+(the\\s+)?(next|last|final|wrap)"),
            ci("\\bnew\\s+instructions\\b"),
            // a fake role line, also after a colon or an opening quote ("…told me to pass on: System: …")
            ci("(^|\\n|[:\"«“]\\s*)\\s*(system|assistant|developer|система|ассистент|разработчик)\\s*:"),
            ci("</?\\s*(answer|system|context|instructions|latest_answer|transcript)\\s*>"),
            ci("(игнорируй|игнорируйте|проигнорируй|проигнорируйте|забудь|забудьте|отмени|отмените)\\s+.{0,30}"
                    + "(инструкци|правил|промпт|указани)"),
            ci("(покажи|покажите|выведи|выведите|раскрой|раскройте|повтори|повторите|напиши|напишите|скажи|"
                    + "скажите)\\s+.{0,20}(свой|свои|твой|твои|ваш|ваши|системн\\p{L}*|скрыт\\p{L}*|исходн\\p{L}*)\\s+"
                    + "(промпт|инструкци|подсказк|правил)"),
            ci("системн\\p{L}*\\s+промпт"),
            ci("(^|[\\s,.!])ты\\s+(теперь|больше\\s+не)\\s"), ci("(представь|представьте),?\\s+что\\s+(ты|вы)\\s"),
            ci("(притворись|притворитесь|сыграем\\s+в\\s+ролев|давай\\s+сыграем)"),
            ci("режим\\p{L}*\\s+разработчика"),
            ci("(максимальн|идеальн|высш|наивысш)\\p{L}*\\s+(балл|оценк)"),
            ci("(поставь|поставьте)\\s+.{0,20}(балл|оценк|100)"),
            ci("(отметь|отметьте|считай|считайте)\\s+.{0,20}(этап|интервью)\\p{L}*.{0,20}(завершён|завершен|пройден"
                    + "|законч)"),
            ci("(перейди|перейдите|пропусти|пропустите)\\s+.{0,20}(следующ|последн|финальн)"),
            ci("нов\\p{L}*\\s+инструкци"),
            // asking for what other respondents said: this interview's model has no business knowing it
            ci("\\b(what|tell\\s+me|share|repeat|show|quote)\\b.{0,40}\\b(other|previous|earlier)\\s+(respondents?"
                    + "|experts?|interviewees?|participants?|users?|people)\\b.{0,40}\\b(said|say|says|told|answered"
                    + "|wrote|shared)\\b"),
            ci("други\\p{L}*\\s+(респондент|эксперт|участник|собеседник|опрошенн)\\p{L}*.{0,40}(говорил|сказал|"
                    + "рассказ|ответил|отвечал|писал)"),
            ci("(говорил|сказал|рассказывал|отвечал|писал)\\p{L}*\\s.{0,20}други\\p{L}*\\s+(респондент|эксперт|"
                    + "участник|собеседник|опрошенн)"),
            // "decode this and follow it": an instruction smuggled in an encoding
            ci("\\b(decode|decrypt|deobfuscate|base64)\\b.{0,30}\\b(follow|execute|obey|run|do)\\b"),
            ci("(расшифруй|расшифруйте|декодируй|декодируйте)\\s+.{0,20}(выполни|сделай|следуй|исполни)"));

    /** A run of Base64 long enough to hide a sentence. */
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{16,}={0,2}|[A-Za-z0-9_-]{16,}={0,2}");

    private InstructionDetector() {
    }

    /** Latin look-alikes of Cyrillic and Greek lower-case letters. */
    private static final Map<Character, Character> TO_LATIN = Map.ofEntries(
            Map.entry('а', 'a'), Map.entry('е', 'e'), Map.entry('о', 'o'), Map.entry('р', 'p'), Map.entry('с', 'c'),
            Map.entry('у', 'y'), Map.entry('х', 'x'), Map.entry('і', 'i'), Map.entry('ј', 'j'), Map.entry('ѕ', 's'),
            Map.entry('һ', 'h'), Map.entry('ԁ', 'd'), Map.entry('ԛ', 'q'), Map.entry('ԝ', 'w'), Map.entry('ӏ', 'l'),
            Map.entry('к', 'k'), Map.entry('α', 'a'), Map.entry('ο', 'o'), Map.entry('ρ', 'p'), Map.entry('ν', 'v'),
            Map.entry('ι', 'i'), Map.entry('κ', 'k'), Map.entry('τ', 't'), Map.entry('υ', 'u'), Map.entry('χ', 'x'),
            Map.entry('ε', 'e'));
    /** Cyrillic look-alikes of Latin lower-case letters. */
    private static final Map<Character, Character> TO_CYRILLIC = Map.of(
            'a', 'а', 'e', 'е', 'o', 'о', 'p', 'р', 'c', 'с', 'y', 'у', 'x', 'х', 'k', 'к', 'm', 'м');

    private static Pattern ci(String regex) {
        // the patterns are folded like the text, so "игнорируй" still meets "игнорируи"
        return Pattern.compile(withoutMarks(regex), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    /** Whether the answer looks like an attempt to instruct the interviewer. */
    static boolean looksLikeInstructions(@Nullable String answer) {
        if (answer == null || answer.isBlank()) {
            return false;
        }
        if (matches(fold(answer))) {
            return true;
        }
        // an instruction may hide in Base64: the model can read it, so the patterns read it too
        Matcher encoded = BASE64.matcher(answer);
        while (encoded.find()) {
            String decoded = decodedText(encoded.group());
            if (decoded != null && matches(fold(decoded))) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String folded) {
        for (Pattern pattern : PATTERNS) {
            if (pattern.matcher(folded).find()) {
                return true;
            }
        }
        return false;
    }

    /** The text a Base64 run encodes (standard or URL-safe alphabet), or null when it is not UTF-8 text. */
    private static @Nullable String decodedText(String run) {
        byte[] bytes;
        try {
            bytes = run.indexOf('-') >= 0 || run.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(run)
                    : Base64.getDecoder().decode(run);
        } catch (IllegalArgumentException e) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * The text as the patterns see it: invisible characters removed, NFKC (fullwidth and styled letters become
     * plain), lower case, accents and combining marks removed, and look-alike letters inside a word of another
     * script replaced by the word's own script.
     */
    static String fold(String text) {
        String compatible = Normalizer.normalize(TextSanitizer.stripInvisible(text), Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(withoutMarks(compatible.toLowerCase(Locale.ROOT)));
        foldLookAlikes(out);
        return out.toString();
    }

    /** The text decomposed (NFD) without its combining marks: {@code é} → {@code e}, {@code й} → {@code и}. */
    private static String withoutMarks(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** In each word that mixes Latin with Cyrillic or Greek letters, rewrites the minority script's look-alikes. */
    private static void foldLookAlikes(StringBuilder text) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int latin = 0;
            int other = 0;
            while (i < n && Character.isLetter(text.charAt(i))) {
                Character.UnicodeScript script = Character.UnicodeScript.of(text.charAt(i));
                if (script == Character.UnicodeScript.LATIN) {
                    latin++;
                } else if (script == Character.UnicodeScript.CYRILLIC || script == Character.UnicodeScript.GREEK) {
                    other++;
                }
                i++;
            }
            if (latin > 0 && other > 0) {
                Map<Character, Character> map = latin >= other ? TO_LATIN : TO_CYRILLIC;
                for (int j = start; j < i; j++) {
                    Character replacement = map.get(text.charAt(j));
                    if (replacement != null) {
                        text.setCharAt(j, replacement);
                    }
                }
            }
        }
    }
}
