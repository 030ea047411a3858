/**
 * The knowledge items an interview collects, per stage, with a link to the turn they came from. The engine's
 * built-in extractor takes them out of each answer (by rules, in English and Russian) and adds them, and any an LLM
 * brain returns, to the collection without duplicates.
 */
@NullMarked
package dev.interviewagent.core.knowledge;

import org.jspecify.annotations.NullMarked;
