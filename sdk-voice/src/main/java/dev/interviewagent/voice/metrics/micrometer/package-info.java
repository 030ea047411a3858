/**
 * Micrometer meters for speech-to-text ({@link dev.interviewagent.voice.metrics.micrometer.MeteredSpeechToText}).
 * Micrometer ({@code io.micrometer:micrometer-core}) is an optional dependency of sdk-voice: add it to use this
 * package; no class outside it refers to Micrometer.
 */
@NullMarked
package dev.interviewagent.voice.metrics.micrometer;

import org.jspecify.annotations.NullMarked;
