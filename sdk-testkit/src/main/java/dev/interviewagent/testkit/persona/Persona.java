package dev.interviewagent.testkit.persona;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A synthetic expert's knowledge base: everything a {@link dev.interviewagent.testkit.respondent.SyntheticRespondent}
 * may say, in the first person, in the persona's language. Read from JSON with {@link Personas#read}; the format is
 * documented in {@code docs/quality.md}. Immutable.
 *
 * @param id          unique id, kebab-case
 * @param language    {@code en} or {@code ru}
 * @param profession  the profession, one or two words
 * @param profile     what a host passes as the interview's profile
 * @param behaviours  which respondent behaviours are switched on
 * @param background  years, roles and organisation, and the answer that states them
 * @param motivation  answers to "what drew you into this work"
 * @param essence     answers to "what the role really is"
 * @param surprise    answers to "what would surprise an outsider"
 * @param episodes    concrete stories with their critical-decision follow-ups
 * @param processes   ordered procedures
 * @param failures    typical mistakes with warning sign, fix and consequence
 * @param principles  rules of thumb and why they work
 * @param contrasts   how a novice and an expert differ
 * @param milestones  turning points with their time
 * @param growth      what separates fast from slow growers
 * @param advice      advice to a younger self or a newcomer
 * @param numbers     answers that quantify
 * @param extras      things worth knowing that no question asked for
 * @param tacit       the tacit answer and its explicit follow-up
 * @param nothingMore "nothing more to add" answers
 * @param memberCheck the answer to the closing summary check, with a 1–4 rating
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Persona(
        String id,
        String language,
        String profession,
        PersonaProfile profile,
        Behaviours behaviours,
        Background background,
        List<String> motivation,
        List<String> essence,
        List<String> surprise,
        List<Episode> episodes,
        List<Process> processes,
        List<Failure> failures,
        List<String> principles,
        List<String> contrasts,
        List<String> milestones,
        List<String> growth,
        List<String> advice,
        List<String> numbers,
        List<String> extras,
        Tacit tacit,
        List<String> nothingMore,
        String memberCheck) {

    /** The fewest knowledge items (episodes, processes, failures, principles, contrasts, milestones, advice, extras). */
    public static final int MIN_KNOWLEDGE_ITEMS = 15;

    public Persona {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        behaviours = behaviours == null ? Behaviours.NONE : behaviours;
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(tacit, "tacit");
        motivation = copy(motivation);
        essence = copy(essence);
        surprise = copy(surprise);
        episodes = copy(episodes);
        processes = copy(processes);
        failures = copy(failures);
        principles = copy(principles);
        contrasts = copy(contrasts);
        milestones = copy(milestones);
        growth = copy(growth);
        advice = copy(advice);
        numbers = copy(numbers);
        extras = copy(extras);
        nothingMore = copy(nothingMore);
    }

    private static <T> List<T> copy(@Nullable List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** The interview language. */
    public Language interviewLanguage() {
        return Language.fromCode(language).orElseThrow(
                () -> new IllegalArgumentException("persona " + id + ": unknown language " + language));
    }

    /** The profile a host would pass when starting the interview. */
    public Profile interviewProfile() {
        return new Profile(profile.name(), profile.role(), profile.company(), profile.industry(), profile.years(),
                profile.goal());
    }

    /** How many knowledge items the persona holds (see {@link #MIN_KNOWLEDGE_ITEMS}). */
    public int knowledgeItems() {
        return episodes.size() + processes.size() + failures.size() + principles.size() + contrasts.size()
                + milestones.size() + advice.size() + extras.size();
    }

    /**
     * The problems that make this persona unusable, in words a persona author can act on; empty when it is valid.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (Language.fromCode(language).isEmpty()) {
            problems.add("language must be en or ru, was " + language);
        }
        if (background.years() != null && profile.years() != null && !background.years().equals(profile.years())) {
            problems.add("profile.years and background.years differ");
        }
        atLeast(problems, "motivation", motivation.size(), 1);
        atLeast(problems, "essence", essence.size(), 1);
        atLeast(problems, "episodes", episodes.size(), 4);
        atLeast(problems, "processes", processes.size(), 2);
        atLeast(problems, "failures", failures.size(), 3);
        atLeast(problems, "principles", principles.size(), 3);
        atLeast(problems, "contrasts", contrasts.size(), 2);
        atLeast(problems, "milestones", milestones.size(), 2);
        atLeast(problems, "advice", advice.size(), 2);
        atLeast(problems, "numbers", numbers.size(), 1);
        atLeast(problems, "nothingMore", nothingMore.size(), 1);
        atLeast(problems, "tacit.phrases", tacit.phrases().size(), 1);
        atLeast(problems, "knowledge items", knowledgeItems(), MIN_KNOWLEDGE_ITEMS);
        for (Episode e : episodes) {
            if (blank(e.id()) || blank(e.story()) || blank(e.cue())) {
                problems.add("episode " + e.id() + " needs id, story and cue");
            }
        }
        for (Process p : processes) {
            if (blank(p.id()) || p.steps().size() < 2) {
                problems.add("process " + p.id() + " needs an id and at least 2 steps");
            }
        }
        for (Failure f : failures) {
            if (blank(f.id()) || blank(f.error())) {
                problems.add("failure " + f.id() + " needs id and error");
            }
        }
        if (blank(memberCheck)) {
            problems.add("memberCheck is missing");
        }
        if (behaviours.storyteller() && behaviours.terse()) {
            problems.add("a persona cannot be both storyteller and terse");
        }
        return problems;
    }

    private static void atLeast(List<String> problems, String what, int have, int min) {
        if (have < min) {
            problems.add(what + ": at least " + min + " needed, found " + have);
        }
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    /** What a host passes as the profile. */
    public record PersonaProfile(@Nullable String name, @Nullable String role, @Nullable String company,
                                 @Nullable String industry, @Nullable Integer years, @Nullable String goal) {
    }

    /**
     * Respondent behaviours, each switchable.
     *
     * @param volunteers  early answers add a story meant for a later stage
     * @param storyteller long answers: stories come with their cue and outcome
     * @param terse       short answers: the first sentence of each item
     * @param tacitEvader some how/why/what-did-you-notice questions first get a tacit phrase
     * @param fatigue     says "nothing more" once the pool for the question's intent is used up
     * @param corrector   asked again for something already told, answers "As I said, …"
     */
    public record Behaviours(boolean volunteers, boolean storyteller, boolean terse, boolean tacitEvader,
                             boolean fatigue, boolean corrector) {
        /** Every behaviour off: the respondent just answers the question asked. */
        public static final Behaviours NONE = new Behaviours(false, false, false, false, false, false);
    }

    /** Facts about the expert's career and the answer that states them. */
    public record Background(@Nullable Integer years, List<String> roles, @Nullable String organisation,
                             String answer) {
        public Background {
            roles = roles == null ? List.of() : List.copyOf(roles);
            Objects.requireNonNull(answer, "background.answer");
        }
    }

    /**
     * A concrete story and the answers to the critical-decision probes about it.
     *
     * @param story   the story as told: a specific past occasion
     * @param cue     what the expert noticed first
     * @param options the options they weighed
     * @param basis   what told them it was X and not Y
     * @param novice  what a newcomer would have done
     */
    public record Episode(String id, String story, @Nullable String when, @Nullable String outcome, String cue,
                          @Nullable String options, @Nullable String basis, @Nullable String novice) {
    }

    /** An ordered procedure; {@code judgement} names the step that takes judgement or that newcomers skip. */
    public record Process(String id, String name, List<String> steps, @Nullable String judgement) {
        public Process {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }
    }

    /** A typical mistake: what goes wrong, its warning sign, how it is caught or fixed, and what it costs. */
    public record Failure(String id, String error, @Nullable String sign, @Nullable String fix,
                          @Nullable String consequence) {
    }

    /** The tacit answers ("you just kind of know") and the follow-up that makes one cue explicit. */
    public record Tacit(List<String> phrases, String explicit) {
        public Tacit {
            phrases = phrases == null ? List.of() : List.copyOf(phrases);
            Objects.requireNonNull(explicit, "tacit.explicit");
        }
    }
}
