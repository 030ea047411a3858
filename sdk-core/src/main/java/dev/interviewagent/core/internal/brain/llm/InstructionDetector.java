package dev.interviewagent.core.internal.brain.llm;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Recognises answers that try to instruct the interviewer (EN and RU): override its rules, reveal its prompt,
 * change its role, grade the respondent or move the stage. The analyzer flags such answers too; the LLM brain
 * checks again itself, because it is the part a model could be steered through. A flagged answer stays an answer:
 * the brain only withholds the model's estimates and knowledge for that turn. Stateless.
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
            ci("\\bnew\\s+instructions\\b"), ci("(^|\\n)\\s*(system|assistant|developer)\\s*:"),
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
            ci("нов\\p{L}*\\s+инструкци"));

    private InstructionDetector() {
    }

    private static Pattern ci(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    /** Whether the answer looks like an attempt to instruct the interviewer. */
    static boolean looksLikeInstructions(@Nullable String answer) {
        if (answer == null || answer.isBlank()) {
            return false;
        }
        for (Pattern pattern : PATTERNS) {
            if (pattern.matcher(answer).find()) {
                return true;
            }
        }
        return false;
    }
}
