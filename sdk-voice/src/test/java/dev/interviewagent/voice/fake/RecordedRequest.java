package dev.interviewagent.voice.fake;

import java.util.List;
import java.util.Map;

/**
 * One request a fake server received.
 *
 * @param method HTTP method
 * @param path path without the query
 * @param headers header names in lower case
 * @param body raw body
 * @param violations what did not follow the published contract; empty when the request was valid
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, byte[] body,
        List<String> violations) {

    /** The first value of a header (name in any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
