package dev.interviewagent.core.internal.planner;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.spi.Move;
import dev.interviewagent.core.spi.MoveType;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds a gentle-to-mention contradiction between an answer and an earlier one. Deliberately narrow: only a
 * different count of years of experience, which rules can tell reliably; anything subtler is left to the LLM brain.
 */
final class Contradictions {

    private static final Pattern YEARS = Pattern.compile(
            "(\\d{1,2})\\s*(?:years?|yrs|лет|года|год)\\b[^.!?]{0,40}?(?:experience|in (?:this|the) (?:role|field|job"
                    + "|business)|опыт|стаж|в профессии|в этой роли)"
                    + "|(?:experience|опыт|стаж)[^.!?\\d]{0,30}(\\d{1,2})\\s*(?:years?|yrs|лет|года|год)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private Contradictions() {
    }

    static Optional<Move> find(Interview interview, String answer, @Nullable MoveType lastMove) {
        if (lastMove == MoveType.CONTRADICTION) {
            return Optional.empty();
        }
        Matcher now = YEARS.matcher(answer);
        if (!now.find()) {
            return Optional.empty();
        }
        int yearsNow = years(now);
        for (Interview.Recall recall : interview.recalls()) {
            if (recall.turn() >= interview.turnCount()) {
                continue;
            }
            Matcher before = YEARS.matcher(recall.quote());
            if (before.find() && Math.abs(years(before) - yearsNow) >= 3) {
                return Optional.of(Move.of(MoveType.CONTRADICTION, interview.stage(),
                                Math.max(1, interview.currentProgress().depth()))
                        .withQuote(now.group().strip())
                        .withRecall(recall));
            }
        }
        return Optional.empty();
    }

    private static int years(Matcher matcher) {
        String digits = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
        return Integer.parseInt(digits);
    }
}
