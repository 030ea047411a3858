/**
 * Answer understanding: reads one expert answer and says what kind of content it carries (a story, steps, a
 * failure, a rule, tacit knowledge, fatigue, talk about the conversation, profile facts), so the decision layer can
 * listen instead of reciting a script.
 *
 * <p>Entry point: {@link dev.interviewagent.core.internal.understanding.AnswerReader}. Everything is deterministic
 * and local: Lucene's Snowball stemmers fold inflections (Russian especially) so that the lexicons match
 * {@code заметил/заметила/заметили}; the labels come from features combined in small scorers (time anchors, past
 * tense density, participants, numbers, person and tense of a clause, position), not from phrase lists alone.
 */
@org.jspecify.annotations.NullMarked
package dev.interviewagent.core.internal.understanding;
