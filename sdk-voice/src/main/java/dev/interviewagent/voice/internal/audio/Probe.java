package dev.interviewagent.voice.internal.audio;

import dev.interviewagent.voice.AudioFormat;

/** What a container reader found: the format and the playing time in seconds. */
public record Probe(AudioFormat format, double seconds) {
}
