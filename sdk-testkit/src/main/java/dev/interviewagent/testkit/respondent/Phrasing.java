package dev.interviewagent.testkit.respondent;

import dev.interviewagent.testkit.persona.Persona;
import dev.interviewagent.testkit.persona.Persona.Episode;
import dev.interviewagent.testkit.persona.Persona.Failure;
import java.util.List;
import java.util.Locale;

/**
 * The synthetic respondent's text handling: cutting answers to sentences, tidying steps, and the ids under which it
 * remembers what it told. Pure functions, so the respondent's choices stay apart from how its words are shaped.
 */
final class Phrasing {

    private Phrasing() {
    }

    static String id(Episode e) {
        return "episode:" + e.id();
    }

    static String id(Failure f) {
        return "failure:" + f.id();
    }

    static String id(Persona.Process p) {
        return "process:" + p.id();
    }

    static String firstSentence(String text) {
        return sentences(text, 1);
    }

    /** The first {@code n} sentences of {@code text}. */
    static String sentences(String text, int n) {
        String s = text.strip();
        int found = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean end = (c == '.' || c == '!' || c == '?') && (i + 1 == s.length() || s.charAt(i + 1) == ' ');
            if (end && i > 12 && ++found == n) {
                return s.substring(0, i + 1);
            }
        }
        return s;
    }

    /** A process told step by step: "First ..., then ..., and finally ...". */
    static String steps(Voice voice, List<String> steps) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            String lead = i == steps.size() - 1 ? voice.stepLast()
                    : voice.stepLeads().get(Math.min(i, voice.stepLeads().size() - 1));
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(lead).append(trimEnd(steps.get(i))).append('.');
        }
        return out.toString();
    }

    static String trimEnd(String step) {
        String s = step.strip();
        while (!s.isEmpty() && ".;,".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    static String lowerFirst(String text) {
        if (text.length() < 2 || !Character.isUpperCase(text.charAt(0)) || Character.isUpperCase(text.charAt(1))) {
            return text;
        }
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /** A question reduced to lower-case words, so the same question asked again is recognised. */
    static String normalise(String question) {
        return question.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
