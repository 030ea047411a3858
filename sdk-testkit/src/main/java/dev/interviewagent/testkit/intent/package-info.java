/**
 * What an interviewer's question asks for: {@link dev.interviewagent.testkit.intent.QuestionIntent} and the
 * rule-based {@link dev.interviewagent.testkit.intent.QuestionIntentClassifier} that reads it from an English or
 * Russian message.
 */
@NullMarked
package dev.interviewagent.testkit.intent;

import org.jspecify.annotations.NullMarked;
