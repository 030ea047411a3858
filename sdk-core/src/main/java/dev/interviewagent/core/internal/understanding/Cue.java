package dev.interviewagent.core.internal.understanding;

/**
 * The word lists a language supplies. Each list is only one feature: the scorers weigh it with tense, person,
 * position and the other lists before they call a label.
 */
enum Cue {
    // --- time: what anchors a story to one occasion
    /** Month names. English ones count only when capitalised ("May", "March" are also a verb). */
    MONTH,
    /** Seasons: anchor a story only with a modifier ("last winter") or a past verb nearby. */
    SEASON,
    /** Days of the week. */
    WEEKDAY,
    /** Parts of the day: "night", «ночью». */
    DAY_PART,
    /** Holidays that date an occasion: "Christmas", «Новый год». */
    HOLIDAY,
    /** Units a time can be counted in before "ago": "years", «зимы». */
    TIME_UNIT,
    /** "ago", «назад». */
    AGO,
    /** Words that point at one past occasion before a time word: "last", "that", «прошлый», «тот». */
    POINTER,
    /** Complete anchors on their own: "yesterday", "one night", «однажды», «в прошлом году». */
    ANCHOR_PHRASE,
    /**
     * A stretch of a career: "in my second year", «на третьем году». Never a strong anchor: "in my fourth year I moved
     * to fire dispatch" is a career step, a story only when more past narration follows.
     */
    CAREER_PERIOD,
    /** "once": an anchor only next to a past verb ("I once took"), not in "once you get a clean break". */
    ONCE,
    /** Clock times: "a.m.", "o'clock", «часа ночи». */
    CLOCK,

    // --- what makes a past sentence general rather than one occasion
    /** Habit: "every", "usually", "used to", «обычно», «каждый». */
    HABIT,
    /** Hypothetical: "if", "would", «бы», «допустим». */
    HYPOTHETICAL,

    // --- the flesh of a story
    /** People other than the speaker: "the driver", "a client", «бригада». */
    PARTICIPANT,
    /** How it ended: "turned out", "in the end", «оказалось», «в итоге». */
    OUTCOME,
    /** Number words: "forty", «сорок». */
    NUMBER_WORD,

    // --- procedure
    /** Opens a sequence: "first", "step one", «сначала», «первым делом». */
    SEQUENCE_OPENER,
    /** Continues one: "then", "after that", «потом», «затем». */
    SEQUENCE_NEXT,

    // --- failure
    /**
     * Where a mistake word names a thing, not a mistake: "error budget", "error rate", «бюджет ошибок». Optional in
     * a pack; a {@link #MISTAKE} match it overlaps does not count.
     */
    NOT_A_MISTAKE,
    /** Something done wrong: "mistake", "forgot", "too early", «ошибка», «забыл»; never where {@link #NOT_A_MISTAKE}. */
    MISTAKE,
    /** What a failure cost: "we lost", "had to redo", "a penalty", «потеряли», «пришлось». */
    CONSEQUENCE,
    /** What was learnt from it: its warning sign, a fix, a lesson: "the sign was", "since then", «с тех пор». */
    LESSON,

    // --- principle
    /** Names a rule: "the rule is", "the key", "what matters", «главное», «принцип». */
    RULE_WORD,
    /** Gives a reason: "because", "that's why", «потому что», «поэтому», «иначе». */
    REASON,
    /** Words that turn a clause into a norm: "never", "always", «никогда», «нельзя». */
    NORM,

    // --- the rest
    /** Tacit-knowledge markers: "you just know", «чутьё», «сложно объяснить». */
    TACIT,
    /** Nothing more to add: "that's all", «больше нечего добавить». */
    DONE,
    /** Being tired: "tired", "worn out", «устал». */
    TIRED,
    /** Asking to stop: "wrap up", "take a break", «закругляться». */
    STOP_REQUEST,
    /** Referring back to the conversation: "as I said", «я уже отвечал». */
    META,
    /** Greetings and pleasantries, never quoted back. */
    GREETING,
    /** Perceiving: "noticed", "smell", «запах», «звук». */
    PERCEPTION,
    /**
     * A story lived as an onlooker or before the speaker's own practice: "I watched", "as a kid", «в детстве». Optional
     * in a pack. Such a story has no decision of the speaker's to probe ("what were you deciding between?" to someone
     * who was eleven and watching is no question).
     */
    WITNESS,
    /**
     * A measured sign: "heart rate", "the gauge showed", «давление», «показания». Optional in a pack. What the expert
     * read off an instrument is what they noticed as much as a smell or a sound, so a story that gives its readings is
     * not asked "what was the first thing you noticed?".
     */
    READING,

    // --- facts
    /** Role nouns: "surveyor", «технолог». */
    ROLE_HEAD,
    /** Rank words that make a role of a following noun: "head", "principal", «главный». */
    ROLE_RANK,
    /** Organisation nouns: "dairy", "practice", «сыроварня», «оркестр». */
    ORG_NOUN,
    /** The unit of experience: "years", «лет». */
    YEAR_UNIT,
    /** Words that make a sentence about the speaker's own work: "I", "work", «я», «работаю». */
    SELF,

    /** Words that open a clause without carrying content: "and", "so", «ну», «а». */
    FILLER;

    /** The list whose matches cancel this list's matches where they overlap, or null when there is none. */
    Cue exceptions() {
        return this == MISTAKE ? NOT_A_MISTAKE : null;
    }
}
