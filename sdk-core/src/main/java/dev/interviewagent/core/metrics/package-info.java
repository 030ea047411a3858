/**
 * Measurements of the engine at work, free of any metrics library: {@link
 * dev.interviewagent.core.metrics.EngineObserver} receives how long each turn, brain call and store write took and
 * how it ended, every stage change and every ending, as events that carry only low-cardinality facts (no interview
 * id, no respondent text), so each field can become a metric tag.
 *
 * <p>Hosts on Micrometer use {@code dev.interviewagent.core.metrics.micrometer.InterviewEngineMetrics}, which
 * implements the observer; Micrometer is an optional dependency, and nothing outside that package refers to it.
 */
@NullMarked
package dev.interviewagent.core.metrics;

import org.jspecify.annotations.NullMarked;
