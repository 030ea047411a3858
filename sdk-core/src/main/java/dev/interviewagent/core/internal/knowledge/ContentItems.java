package dev.interviewagent.core.internal.knowledge;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.internal.text.PackWords;
import dev.interviewagent.core.internal.text.Pleasantries;
import dev.interviewagent.core.internal.text.TextSanitizer;
import dev.interviewagent.core.internal.understanding.AnswerReading;
import dev.interviewagent.core.internal.understanding.ContentLabel;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Squares the extractor's items with what the answer carries: a story told in any stage is an example, a mistake
 * with its sign or fix is a failure mode wherever it was told, and an answer that carries nothing (a greeting,
 * "nothing more to add", "as I said") becomes no item at all.
 */
public final class ContentItems {

    /** Longest example kept, in characters. */
    static final int STORY_CHARS = 600;
    /** Attribute naming where an item came from; {@link #PRINCIPLE} for a rule of thumb read as an insight. */
    public static final String FROM = "from";
    /** A whole answer read as a rule of thumb: an insight, ranked after the ones the expert stated as such. */
    public static final String PRINCIPLE = "principle";

    /** Longest failure mode kept, in characters. */
    static final int FAILURE_CHARS = 400;

    /** A question about mistakes: the {@code mistake_question} lists of the packs' patterns.json. */
    private static final String MISTAKE_QUESTION = "mistake_question";

    private ContentItems() {
    }

    /** Whether an interviewer's question asks about mistakes. */
    public static boolean asksAboutMistakes(String question, Language language) {
        return PackWords.sharedPattern(language, MISTAKE_QUESTION,
                java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE)
                .matcher(question).find();
    }

    /** {@link #asksAboutMistakes(String, Language)} with the built-in languages' words. */
    public static boolean asksAboutMistakes(String question) {
        return asksAboutMistakes(question, Language.ENGLISH);
    }

    /**
     * The items to keep from one answer.
     *
     * @param askedForMistake the question asked for a typical mistake: whatever the answer describes is one
     * @param aboutAStory     the question probed a story already told: the answer is a detail of it
     */
    public static List<KnowledgeItem> complete(List<KnowledgeItem> found, AnswerReading reading, String answer,
                                               Stage stage, int turn, boolean askedForMistake, boolean aboutAStory) {
        return complete(found, reading, answer, stage, turn, askedForMistake, aboutAStory, Language.ENGLISH);
    }

    /** {@link #complete(List, AnswerReading, String, Stage, int, boolean, boolean)} in {@code language}. */
    public static List<KnowledgeItem> complete(List<KnowledgeItem> found, AnswerReading reading, String answer,
                                               Stage stage, int turn, boolean askedForMistake, boolean aboutAStory,
                                               Language language) {
        boolean episode = reading.labels().contains(ContentLabel.EPISODE);
        boolean failure = reading.labels().contains(ContentLabel.FAILURE);
        // "As I said, …" retells what is already in the report: no new item, whatever it repeats.
        boolean meta = reading.labels().contains(ContentLabel.META);
        if (reading.labels().contains(ContentLabel.FATIGUE) || meta || Pleasantries.only(answer, language)) {
            return List.of();
        }
        List<KnowledgeItem> items = new ArrayList<>(found);
        if (aboutAStory) {
            // what they noticed or weighed in a story already told is a detail of it, not another story (the
            // extractor's own items stay: an expert may answer with a new case)
            episode = false;
        }
        String content = Pleasantries.strip(answer, language);
        if (episode && items.stream().noneMatch(i -> i.kind() == KnowledgeKind.EXAMPLE)) {
            String story = TextSanitizer.bounded(content, STORY_CHARS);
            items.add(new KnowledgeItem(KnowledgeKind.EXAMPLE, story, stage, turn, KnowledgeItem.SOURCE_ANALYZER,
                    List.of(), StoryParts.of(story, language)));
        }
        if (reading.labels().contains(ContentLabel.PRINCIPLE) && !episode
                && items.stream().noneMatch(i -> i.kind() == KnowledgeKind.INSIGHT)) {
            // a rule of thumb and why it works is the expert's insight, in their words
            items.add(new KnowledgeItem(KnowledgeKind.INSIGHT, TextSanitizer.bounded(content, FAILURE_CHARS), stage,
                    turn, KnowledgeItem.SOURCE_ANALYZER, List.of(), Map.of(FROM, PRINCIPLE)));
        }
        items.addAll(Contrasts.expertSide(content, items, stage, turn, language));
        if ((failure || askedForMistake) && items.stream().noneMatch(i -> i.kind() == KnowledgeKind.FAILURE_MODE)) {
            items.add(new KnowledgeItem(KnowledgeKind.FAILURE_MODE, TextSanitizer.bounded(content, FAILURE_CHARS),
                    stage, turn, KnowledgeItem.SOURCE_ANALYZER, List.of(), Map.of()));
        }
        return items;
    }
}
