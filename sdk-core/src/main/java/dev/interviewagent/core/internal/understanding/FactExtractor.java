package dev.interviewagent.core.internal.understanding;

import java.util.Map;

/** Pulls the profile facts the expert states about themselves, each value exactly as written. */
interface FactExtractor {

    Map<FactSlot, String> extract(AnalysedText text);
}
