package dev.interviewagent.core.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a tagged region out of a test's source, for the tests that check a page of docs/ quotes the code they run
 * (shared through the sdk-core test-jar).
 */
public final class DocRegions {

    private DocRegions() {
    }

    /** The lines between {@code // tag::TAG[]} and {@code // end::TAG[]}, with their common indentation removed. */
    public static String region(String source, String tag) {
        List<String> lines = new ArrayList<>();
        boolean inside = false;
        for (String line : source.split("\n")) {
            if (line.contains("// end::" + tag + "[]")) {
                break;
            }
            if (inside) {
                lines.add(line);
            }
            if (line.contains("// tag::" + tag + "[]")) {
                inside = true;
            }
        }
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return String.join("\n", lines.stream().map(l -> l.length() >= indent ? l.substring(indent) : l).toList());
    }
}
