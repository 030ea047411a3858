package dev.interviewagent.testkit.respondent;

import static dev.interviewagent.testkit.respondent.Phrasing.id;
import static dev.interviewagent.testkit.respondent.Phrasing.normalise;
import static dev.interviewagent.testkit.respondent.Phrasing.sentences;

import dev.interviewagent.core.Language;
import dev.interviewagent.testkit.intent.QuestionIntent;
import dev.interviewagent.testkit.intent.QuestionIntentClassifier;
import dev.interviewagent.testkit.persona.Persona;
import dev.interviewagent.testkit.persona.Persona.Episode;
import dev.interviewagent.testkit.persona.Persona.Failure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * A synthetic expert that answers the question it is <em>asked</em>, from a {@link Persona}'s knowledge base: it
 * reads the question's intent with {@link QuestionIntentClassifier}, never the interview's stage, so it tells
 * stories out of order, says "you just kind of know", says "as I said" and runs out of things to add, as real
 * experts do. The behaviours a persona switches on (volunteering, storytelling, terseness, tacit evasion, fatigue,
 * correcting) shape each answer.
 *
 * <p>Deterministic: the same persona, seed and questions give the same answers. No network, no model. Stateful (it
 * remembers what it told) and not thread-safe: one respondent per interview.
 *
 * <pre>{@code
 * SyntheticRespondent expert = SyntheticRespondent.of(Personas.builtIn("en/cheesemaker"), 42);
 * Utterance answer = expert.answer("What first drew you into this line of work?");
 * }</pre>
 */
public final class SyntheticRespondent {

    /** Tacit phrases an evader uses at most per interview. */
    static final int MAX_TACIT_ANSWERS = 3;
    /** Answers after which a story is no longer "the one we are talking about". */
    static final int STORY_ATTENTION = 4;
    /** Stories a volunteer adds to early answers at most. */
    static final int MAX_VOLUNTEERED = 2;

    private final Persona persona;
    private final Persona.Behaviours behaviours;
    private final Language language;
    private final Voice voice;
    private final QuestionIntentClassifier classifier;
    private final AnswerPools pools;

    private final Set<String> told = new HashSet<>();
    private final Map<String, Utterance> answered = new HashMap<>();
    private final List<Utterance> history = new ArrayList<>();
    private @Nullable Episode currentEpisode;
    private int currentEpisodeAt = -1;
    private @Nullable Failure currentFailure;
    private Persona.@Nullable Process currentProcess;
    private boolean tacitPending;
    private int tacitAnswers;
    private int tacitEligible;
    private int volunteered;

    private SyntheticRespondent(Persona persona, long seed, QuestionIntentClassifier classifier) {
        this.persona = persona;
        this.behaviours = persona.behaviours();
        this.language = persona.interviewLanguage();
        this.voice = Voice.of(language);
        this.classifier = classifier;
        this.pools = new AnswerPools(persona, voice, new SplittableRandom(seed ^ persona.id().hashCode()), history);
    }

    /** A respondent for {@code persona}; {@code seed} varies the few choices left to chance. */
    public static SyntheticRespondent of(Persona persona, long seed) {
        return new SyntheticRespondent(Objects.requireNonNull(persona, "persona"), seed,
                QuestionIntentClassifier.create());
    }

    /** The persona this respondent plays. */
    public Persona persona() {
        return persona;
    }

    /** Every answer given so far, in order. */
    public List<Utterance> history() {
        return List.copyOf(history);
    }

    /** Answers one interviewer message. */
    public Utterance answer(String interviewerMessage) {
        Objects.requireNonNull(interviewerMessage, "interviewerMessage");
        QuestionIntentClassifier.Reading reading = classifier.read(interviewerMessage, language);
        String question = reading.question().isBlank() ? interviewerMessage : reading.question();
        Utterance before = answered.get(normalise(question));
        Utterance answer = before != null && behaviours.corrector() && !before.isMeta()
                ? pools.asISaid(reading.intent(), before.text())      // the very same question again
                : answerFor(reading, question);
        answered.putIfAbsent(normalise(question), answer);
        if (history.isEmpty() && greets()) {
            answer = new Utterance(voice.greeting() + " " + answer.text(), answer.kind(), answer.asked(),
                    answer.told(), voice.greeting());
        }
        if (answer.kind() != AnswerKind.TACIT) {
            tacitPending = false;
        }
        history.add(answer);
        if (currentEpisode != null && history.size() - currentEpisodeAt > STORY_ATTENTION) {
            currentEpisode = null;
        }
        return answer;
    }

    private boolean greets() {
        return (persona.id().hashCode() & 1) == 0;
    }

    private Utterance answerFor(QuestionIntentClassifier.Reading reading, String question) {
        QuestionIntent intent = reading.intent();
        if (evades(intent, question)) {
            tacitAnswers++;
            tacitPending = true;
            List<String> phrases = persona.tacit().phrases();
            return new Utterance(phrases.get((tacitAnswers - 1) % phrases.size()), AnswerKind.TACIT, intent,
                    List.of(), null);
        }
        return switch (intent) {
            case BACKGROUND -> background(intent);
            case MOTIVATION -> early(intent, pools.pooled("motivation", persona.motivation(), AnswerKind.MOTIVATION,
                    intent));
            case ESSENCE -> early(intent, pools.pooled("essence", persona.essence(), AnswerKind.ESSENCE, intent));
            case SURPRISE -> early(intent, persona.surprise().isEmpty()
                    ? pools.pooled("essence", persona.essence(), AnswerKind.ESSENCE, intent)
                    : pools.pooled("surprise", persona.surprise(), AnswerKind.SURPRISE, intent));
            case EXAMPLE -> example(reading, intent);
            case CUE -> cue(intent);
            case DECISION -> decision(intent);
            case NOVICE_EXPERT -> noviceExpert(intent, question);
            case STEPS -> steps(intent, question);
            case FAILURE -> failure(intent, question);
            case PRINCIPLE -> pools.pooled("principles", persona.principles(), AnswerKind.PRINCIPLE, intent);
            case NUMBERS -> pools.pooled("numbers", persona.numbers(), AnswerKind.NUMBERS, intent);
            case GROWTH -> growth(intent);
            case ADVICE -> pools.pooled("advice", persona.advice(), AnswerKind.ADVICE, intent);
            case MEMBER_CHECK -> new Utterance(persona.memberCheck(), AnswerKind.MEMBER_CHECK, intent, List.of(),
                    null);
            case SUMMARY_CHECK -> new Utterance(voice.confirmation(), AnswerKind.CONFIRMATION, intent, List.of(),
                    null);
            case CLARIFY -> clarify(intent);
            case OTHER -> other(intent, question);
        };
    }

    /**
     * A tacit evader meets some how/why/what-did-you-notice questions with a tacit phrase first: the first such
     * question and every third after it, a few times per interview. Never right after a tacit answer: the probe
     * that follows one is answered.
     */
    private boolean evades(QuestionIntent intent, String question) {
        if (!behaviours.tacitEvader() || tacitPending || tacitAnswers >= MAX_TACIT_ANSWERS
                || persona.tacit().phrases().isEmpty()) {
            return false;
        }
        boolean howOrWhy = intent == QuestionIntent.PRINCIPLE || intent == QuestionIntent.CUE
                || (intent == QuestionIntent.STEPS && Cues.asksJudgement(question));
        return howOrWhy && tacitEligible++ % 3 == 0;
    }

    // ------------------------------------------------------------------------------------------- by intent

    private Utterance background(QuestionIntent intent) {
        if (told.add("background")) {
            return early(intent, new Utterance(pools.shaped(persona.background().answer()), AnswerKind.BACKGROUND,
                    intent, List.of(), null));
        }
        return pools.asISaid(intent, persona.background().answer());
    }

    /** An early answer (background, motivation, essence): a volunteer adds a story meant for later. */
    private Utterance early(QuestionIntent intent, Utterance answer) {
        if (!behaviours.volunteers() || volunteered >= MAX_VOLUNTEERED || answer.kind() == AnswerKind.NOTHING_MORE
                || answer.kind() == AnswerKind.AS_I_SAID) {
            return answer;
        }
        List<Episode> episodes = persona.episodes();
        for (int i = episodes.size() - 1; i >= 0; i--) {
            Episode e = episodes.get(i);
            if (!told.contains(id(e))) {
                volunteered++;
                Utterance story = tell(e, intent);
                List<String> ids = new ArrayList<>(answer.told());
                ids.addAll(story.told());
                return new Utterance(answer.text() + " " + story.text(), answer.kind(), intent, ids, null);
            }
        }
        return answer;
    }

    private Utterance example(QuestionIntentClassifier.Reading reading, QuestionIntent intent) {
        Utterance last = history.isEmpty() ? null : history.get(history.size() - 1);
        if (behaviours.corrector() && !reading.asksForAnother() && last != null && last.tellsEpisode()
                && currentEpisode != null) {
            // Asked for "an example" right after telling one: point back to it.
            return pools.asISaid(intent, firstSentence(currentEpisode.story()));
        }
        for (Episode e : persona.episodes()) {
            if (!told.contains(id(e))) {
                Utterance story = tell(e, intent);
                return reading.asksForAnother() && last != null && last.tellsEpisode()
                        ? new Utterance(voice.another() + story.text(), story.kind(), intent, story.told(), null)
                        : story;
            }
        }
        return pools.exhausted(intent, "episodes");
    }

    private Utterance tell(Episode e, QuestionIntent intent) {
        told.add(id(e));
        currentEpisode = e;
        currentEpisodeAt = history.size();
        String text = behaviours.terse() ? sentences(e.story(), 2) : e.story();
        if (behaviours.storyteller()) {
            text = text + " " + e.cue();
            told.add(id(e) + "#cue");
        }
        return new Utterance(text, AnswerKind.EPISODE, intent, List.of(id(e)), null);
    }

    private Utterance cue(QuestionIntent intent) {
        if (tacitPending) {
            Episode e = currentEpisode;
            if (e != null && told.add(id(e) + "#cue")) {
                return probe(intent, e.cue());
            }
            if (told.add("tacit")) {
                return tacitExplicit(intent);
            }
        }
        Episode e = currentEpisode;
        if (e != null) {
            if (told.add(id(e) + "#cue")) {
                return probe(intent, e.cue());
            }
            if (e.basis() != null && told.add(id(e) + "#basis")) {
                return probe(intent, e.basis());
            }
        }
        Failure f = currentFailure;
        if (f != null && f.sign() != null && told.add(id(f) + "#sign")) {
            return new Utterance(pools.shaped(f.sign()), AnswerKind.FAILURE_DETAIL, intent, List.of(), null);
        }
        if (told.add("tacit")) {
            return tacitExplicit(intent);
        }
        return pools.exhausted(intent, "cues");
    }

    private Utterance decision(QuestionIntent intent) {
        Episode e = currentEpisode;
        if (e != null && e.options() != null && told.add(id(e) + "#options")) {
            return probe(intent, e.options());
        }
        if (e != null && e.basis() != null && told.add(id(e) + "#basis")) {
            return probe(intent, e.basis());
        }
        return pools.pooled("principles", persona.principles(), AnswerKind.PRINCIPLE, intent);
    }

    private Utterance noviceExpert(QuestionIntent intent, String question) {
        Episode e = currentEpisode;
        if (e != null && e.novice() != null && Cues.inTheMoment(question) && told.add(id(e) + "#novice")) {
            return probe(intent, e.novice());
        }
        Utterance contrast = pools.pooled("contrasts", persona.contrasts(), AnswerKind.CONTRAST, intent);
        if (contrast.kind() == AnswerKind.CONTRAST || e == null || e.novice() == null
                || !told.add(id(e) + "#novice")) {
            return contrast;
        }
        return probe(intent, e.novice());
    }

    private Utterance tacitExplicit(QuestionIntent intent) {
        return new Utterance(pools.shaped(persona.tacit().explicit()), AnswerKind.TACIT_EXPLICIT, intent, List.of(),
                null);
    }

    private Utterance probe(QuestionIntent intent, String text) {
        return new Utterance(pools.shaped(text), AnswerKind.EPISODE_PROBE, intent, List.of(), null);
    }

    private Utterance steps(QuestionIntent intent, String question) {
        Persona.Process p = currentProcess;
        if (p != null && p.judgement() != null && Cues.asksJudgement(question) && told.add(id(p) + "#judgement")) {
            return new Utterance(pools.shaped(p.judgement()), AnswerKind.STEP_JUDGEMENT, intent, List.of(), null);
        }
        for (Persona.Process next : persona.processes()) {
            if (told.add(id(next))) {
                currentProcess = next;
                return new Utterance(stepByStep(next), AnswerKind.PROCESS, intent, List.of(id(next)), null);
            }
        }
        if (p != null && p.judgement() != null && told.add(id(p) + "#judgement")) {
            return new Utterance(pools.shaped(p.judgement()), AnswerKind.STEP_JUDGEMENT, intent, List.of(), null);
        }
        return pools.exhausted(intent, "processes");
    }

    private String stepByStep(Persona.Process p) {
        StringBuilder out = new StringBuilder(Phrasing.steps(voice, p.steps()));
        if (behaviours.storyteller() && p.judgement() != null) {
            out.append(' ').append(p.judgement());
            told.add(id(p) + "#judgement");
        }
        return out.toString();
    }

    private Utterance failure(QuestionIntent intent, String question) {
        Failure f = currentFailure;
        Utterance last = history.isEmpty() ? null : history.get(history.size() - 1);
        boolean onTheSameMistake = f != null && last != null
                && (last.kind() == AnswerKind.FAILURE || last.kind() == AnswerKind.FAILURE_DETAIL);
        if (onTheSameMistake) {
            Utterance detail = failureDetail(f, intent, question);
            if (detail != null) {
                return detail;
            }
        }
        for (Failure next : persona.failures()) {
            if (told.add(id(next))) {
                currentFailure = next;
                String text = pools.shaped(next.error());
                if (behaviours.storyteller() && next.sign() != null) {
                    text = text + " " + next.sign();
                    told.add(id(next) + "#sign");
                }
                return new Utterance(text, AnswerKind.FAILURE, intent, List.of(id(next)), null);
            }
        }
        if (f != null) {
            Utterance detail = failureDetail(f, intent, question);
            if (detail != null) {
                return detail;
            }
        }
        return pools.exhausted(intent, "failures");
    }

    /**
     * The part of a mistake the question asks about, else the first one not yet told. A question names one: a sign
     * ("How do you catch that early?") before a cost ("What does it cost when nobody catches it?") before a fix.
     */
    private @Nullable Utterance failureDetail(Failure f, QuestionIntent intent, String question) {
        List<String[]> parts = new ArrayList<>();
        if (Cues.asksSign(question)) {
            parts.add(new String[] {"sign", f.sign()});
        } else if (Cues.asksConsequence(question)) {
            parts.add(new String[] {"consequence", f.consequence()});
        } else if (Cues.asksFix(question)) {
            parts.add(new String[] {"fix", f.fix()});
        }
        parts.add(new String[] {"sign", f.sign()});
        parts.add(new String[] {"fix", f.fix()});
        parts.add(new String[] {"consequence", f.consequence()});
        for (String[] part : parts) {
            if (part[1] != null && told.add(id(f) + "#" + part[0])) {
                return new Utterance(pools.shaped(part[1]), AnswerKind.FAILURE_DETAIL, intent, List.of(), null);
            }
        }
        return null;
    }

    private Utterance growth(QuestionIntent intent) {
        Utterance growth = pools.pooled("growth", persona.growth(), AnswerKind.GROWTH, intent);
        if (growth.kind() == AnswerKind.GROWTH) {
            return growth;
        }
        return pools.pooled("milestones", persona.milestones(), AnswerKind.GROWTH, intent);
    }

    private Utterance clarify(QuestionIntent intent) {
        Utterance last = history.isEmpty() ? null : history.get(history.size() - 1);
        if (last != null && last.kind() == AnswerKind.TACIT && told.add("tacit")) {
            return tacitExplicit(intent);
        }
        Utterance principle = pools.pooled("principles", persona.principles(), AnswerKind.PRINCIPLE, intent);
        if (principle.kind() != AnswerKind.PRINCIPLE) {
            return principle;
        }
        return new Utterance(voice.meaning() + principle.text(), AnswerKind.PRINCIPLE, intent, List.of(), null);
    }

    private Utterance other(QuestionIntent intent, String question) {
        if (Cues.offersPause(question)) {
            return new Utterance(voice.noPause(), AnswerKind.PLEASANTRY, intent, List.of(), null);
        }
        if (Cues.asksWhatWasMissed(question) || !persona.extras().isEmpty()) {
            Utterance extra = pools.pooled("extras", persona.extras(), AnswerKind.EXTRA, intent);
            if (extra.kind() == AnswerKind.EXTRA) {
                return extra;
            }
        }
        return pools.exhausted(intent, "other");
    }

    static String firstSentence(String text) {
        return Phrasing.firstSentence(text);
    }
}
