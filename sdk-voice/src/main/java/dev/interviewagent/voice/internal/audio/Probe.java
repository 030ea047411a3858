package dev.interviewagent.voice.internal.audio;

import dev.interviewagent.voice.AudioFormat;

/**
 * What a container reader found.
 *
 * @param format the container and codec
 * @param seconds the playing time measured from the content itself (frames, pages, blocks, samples), never from a
 *     length field alone
 * @param declaredSeconds the length the container's headers declare, or {@link Double#NaN} when they declare none;
 *     when several headers declare one, the one farthest from {@code seconds}, so a single lying field is enough
 *     to be caught
 */
public record Probe(AudioFormat format, double seconds, double declaredSeconds) {

    /** A probe of a container that declares no length of its own. */
    static Probe measured(AudioFormat format, double seconds) {
        return new Probe(format, seconds, Double.NaN);
    }

    /** Whether the headers declare a length. */
    public boolean declares() {
        return !Double.isNaN(declaredSeconds);
    }

    /** Of several declared lengths (NaN = not declared), the one farthest from the measured one; NaN if none. */
    static double farthest(double measured, double... declared) {
        double worst = Double.NaN;
        for (double candidate : declared) {
            if (!Double.isNaN(candidate)
                    && (Double.isNaN(worst) || Math.abs(candidate - measured) > Math.abs(worst - measured))) {
                worst = candidate;
            }
        }
        return worst;
    }
}
