package dev.interviewagent.core;

import dev.interviewagent.core.guide.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the interviewer remembers of the conversation, whatever stage it was said in: known facts by slot, the
 * stories told and which of their probes were asked, what was quoted, and how the last answers sounded. Stored with
 * the interview, so a replay after a crash decides the same move. Immutable.
 *
 * @param facts          known facts by slot ({@code years}, {@code role}, {@code organisation}), from the profile
 *                       and from answers; a slot here is never asked for again
 * @param episodes       the stories told, oldest first
 * @param quoted         normalised fragments already quoted back; each is quoted at most once
 * @param sentences      normalised question sentences asked, with how often; none is asked more than twice
 * @param fatigueInRow   "nothing more to add" answers in a row in the current stage
 * @param tacitProbes    probes of a tacit answer ("you just know") asked in a row: the first asks for the cue, the
 *                       second comes at it from another side, a third tacit answer is all the expert can say there
 * @param pauseOffered   a pause was offered to a tired respondent
 * @param probedTurns    respondent turns whose steps or mistake were already drilled into
 * @param examplesRetold answers to a request for a case that only retold a story already told ("as I said, …"):
 *                       an expert whose cases are told is not asked for yet another one at every turn
 */
public record InterviewMemory(
        Map<String, String> facts,
        List<Episode> episodes,
        List<String> quoted,
        Map<String, Integer> sentences,
        int fatigueInRow,
        int tacitProbes,
        boolean pauseOffered,
        List<Integer> probedTurns,
        int examplesRetold) {

    /** Slot of the years of experience. */
    public static final String YEARS = "years";
    /** Slot of the role or position. */
    public static final String ROLE = "role";
    /** Slot of the organisation. */
    public static final String ORGANISATION = "organisation";

    /** Nothing remembered yet. */
    public static final InterviewMemory EMPTY = new InterviewMemory(Map.of(), List.of(), List.of(), Map.of(), 0,
            0, false, List.of(), 0);

    /** Episodes kept at most (the oldest go first). */
    public static final int MAX_EPISODES = 40;
    /** Quoted fragments and question sentences kept at most. */
    public static final int MAX_REMEMBERED = 400;

    public InterviewMemory {
        facts = facts == null ? Map.of() : Map.copyOf(facts);
        episodes = episodes == null ? List.of() : List.copyOf(episodes);
        quoted = quoted == null ? List.of() : List.copyOf(quoted);
        sentences = sentences == null ? Map.of() : Map.copyOf(sentences);
        probedTurns = probedTurns == null ? List.of() : List.copyOf(probedTurns);
        if (fatigueInRow < 0 || tacitProbes < 0 || examplesRetold < 0) {
            throw new IllegalArgumentException("counters must be >= 0, were " + fatigueInRow + ", " + tacitProbes
                    + ", " + examplesRetold);
        }
    }

    /** A memory with no retold cases counted (as stored before that count existed). */
    public InterviewMemory(Map<String, String> facts, List<Episode> episodes, List<String> quoted,
                           Map<String, Integer> sentences, int fatigueInRow, int tacitProbes, boolean pauseOffered,
                           List<Integer> probedTurns) {
        this(facts, episodes, quoted, sentences, fatigueInRow, tacitProbes, pauseOffered, probedTurns, 0);
    }

    /** The memory an interview starts with: the facts its profile gives. */
    public static InterviewMemory fromProfile(Profile profile) {
        Map<String, String> facts = new LinkedHashMap<>();
        if (profile.yearsExperience() != null) {
            facts.put(YEARS, profile.yearsExperience().toString());
        }
        if (profile.roleTitle() != null && !profile.roleTitle().isBlank()) {
            facts.put(ROLE, profile.roleTitle());
        }
        if (profile.company() != null && !profile.company().isBlank()) {
            facts.put(ORGANISATION, profile.company());
        }
        return EMPTY.withFacts(facts);
    }

    /** Whether a slot is known. */
    public boolean knows(String slot) {
        return facts.containsKey(slot);
    }

    /** The latest episode, if any. */
    public @Nullable Episode latestEpisode() {
        return episodes.isEmpty() ? null : episodes.get(episodes.size() - 1);
    }

    /**
     * Whether a fragment (normalised) was quoted before — the same words, or words that contain or are contained in
     * an earlier quote (an anchor cut from a sentence that a recall quoted whole is the same words to the expert).
     */
    public boolean wasQuoted(String normalisedFragment) {
        if (quoted.contains(normalisedFragment)) {
            return true;
        }
        if (normalisedFragment.split(" ").length < 3) {
            return false;
        }
        for (String earlier : quoted) {
            if (earlier.split(" ").length >= 3
                    && (earlier.contains(normalisedFragment) || normalisedFragment.contains(earlier))) {
                return true;
            }
        }
        return false;
    }

    /** How often a question sentence (normalised) was asked. */
    public int timesAsked(String normalisedSentence) {
        return sentences.getOrDefault(normalisedSentence, 0);
    }

    public InterviewMemory withFacts(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(facts);
        more.forEach(merged::putIfAbsent);
        return new InterviewMemory(merged, episodes, quoted, sentences, fatigueInRow, tacitProbes, pauseOffered,
                probedTurns, examplesRetold);
    }

    public InterviewMemory withEpisode(Episode episode) {
        List<Episode> list = new ArrayList<>(episodes);
        list.add(Objects.requireNonNull(episode, "episode"));
        while (list.size() > MAX_EPISODES) {
            list.remove(0);
        }
        return new InterviewMemory(facts, list, quoted, sentences, fatigueInRow, tacitProbes, pauseOffered,
                probedTurns, examplesRetold);
    }

    /** The memory with the episode told at {@code turn} replaced by {@code episode}. */
    public InterviewMemory replaceEpisode(int turn, Episode episode) {
        List<Episode> list = new ArrayList<>(episodes);
        list.replaceAll(e -> e.turn() == turn ? episode : e);
        return new InterviewMemory(facts, list, quoted, sentences, fatigueInRow, tacitProbes, pauseOffered,
                probedTurns, examplesRetold);
    }

    public InterviewMemory withQuoted(String normalisedFragment) {
        if (quoted.contains(normalisedFragment)) {
            return this;
        }
        List<String> list = new ArrayList<>(quoted);
        list.add(normalisedFragment);
        while (list.size() > MAX_REMEMBERED) {
            list.remove(0);
        }
        return new InterviewMemory(facts, episodes, list, sentences, fatigueInRow, tacitProbes, pauseOffered,
                probedTurns, examplesRetold);
    }

    public InterviewMemory withSentenceAsked(String normalisedSentence) {
        Map<String, Integer> map = new LinkedHashMap<>(sentences);
        map.merge(normalisedSentence, 1, Integer::sum);
        if (map.size() > MAX_REMEMBERED) {
            map.remove(map.keySet().iterator().next());
        }
        return new InterviewMemory(facts, episodes, quoted, map, fatigueInRow, tacitProbes, pauseOffered,
                probedTurns, examplesRetold);
    }

    public InterviewMemory withFatigueInRow(int n) {
        return new InterviewMemory(facts, episodes, quoted, sentences, n, tacitProbes, pauseOffered, probedTurns,
                examplesRetold);
    }

    public InterviewMemory withTacitProbes(int n) {
        return new InterviewMemory(facts, episodes, quoted, sentences, fatigueInRow, n, pauseOffered,
                probedTurns, examplesRetold);
    }

    public InterviewMemory withPauseOffered() {
        return new InterviewMemory(facts, episodes, quoted, sentences, fatigueInRow, tacitProbes, true,
                probedTurns, examplesRetold);
    }

    public InterviewMemory withExampleRetold() {
        return new InterviewMemory(facts, episodes, quoted, sentences, fatigueInRow, tacitProbes, pauseOffered,
                probedTurns, examplesRetold + 1);
    }

    public InterviewMemory withProbedTurn(int turn) {
        if (probedTurns.contains(turn)) {
            return this;
        }
        List<Integer> list = new ArrayList<>(probedTurns);
        list.add(turn);
        while (list.size() > MAX_REMEMBERED) {
            list.remove(0);
        }
        return new InterviewMemory(facts, episodes, quoted, sentences, fatigueInRow, tacitProbes, pauseOffered,
                list, examplesRetold);
    }

    /**
     * A story the expert told.
     *
     * @param turn   the respondent turn it was told in
     * @param stage  the stage it was told in
     * @param anchor a short content-bearing fragment of it, in the expert's words, to anchor probes on
     * @param cues   fragments naming what the expert perceived, if any were told
     * @param probes the probes of it already asked ({@code cue}, {@code decision}, {@code basis},
     *               {@code counterfactual}), in order
     */
    public record Episode(int turn, Stage stage, String anchor, List<String> cues, List<String> probes) {
        public Episode {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(anchor, "anchor");
            cues = cues == null ? List.of() : List.copyOf(cues);
            probes = probes == null ? List.of() : List.copyOf(probes);
        }

        /** This episode with one more probe asked. */
        public Episode probed(String probe) {
            List<String> list = new ArrayList<>(probes);
            list.add(probe);
            return new Episode(turn, stage, anchor, cues, list);
        }
    }
}
