package dev.interviewagent.testkit.intent;

import java.util.List;

/**
 * An interviewer message split into sentences, with the alphabet it is written in.
 *
 * @param sentences the non-blank sentences, in order
 * @param script    the alphabet of the text outside quotations
 */
record ParsedMessage(List<Sentence> sentences, Script script) {

    ParsedMessage {
        sentences = List.copyOf(sentences);
    }
}
