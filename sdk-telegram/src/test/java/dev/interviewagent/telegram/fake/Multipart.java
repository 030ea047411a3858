package dev.interviewagent.telegram.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** A minimal multipart/form-data parser: text fields into params, file parts into uploads. */
final class Multipart {

    private Multipart() {
    }

    static void parse(String contentType, byte[] body, ObjectNode params, Map<String, byte[]> uploads) {
        String boundary = null;
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.startsWith("boundary=")) {
                boundary = p.substring("boundary=".length()).replace("\"", "");
            }
        }
        if (boundary == null) {
            throw new IllegalArgumentException("multipart without boundary");
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int pos = indexOf(body, delimiter, 0);
        while (pos >= 0) {
            int start = pos + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break;
            }
            start += 2; // CRLF
            int next = indexOf(body, delimiter, start);
            if (next < 0) {
                break;
            }
            int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            String headers = new String(body, start, headerEnd - start, StandardCharsets.UTF_8);
            byte[] content = Arrays.copyOfRange(body, headerEnd + 4, next - 2);
            String name = attribute(headers, "name");
            String fileName = attribute(headers, "filename");
            if (name != null) {
                if (fileName != null) {
                    uploads.put(name, content);
                    params.put(name, "attach:" + fileName);
                    params.put(name + "#filename", fileName);
                } else {
                    params.put(name, new String(content, StandardCharsets.UTF_8));
                }
            }
            pos = next;
        }
    }

    private static String attribute(String headers, String key) {
        String marker = key + "=\"";
        int i = headers.indexOf(marker);
        if (i < 0 || (i > 0 && Character.isLetter(headers.charAt(i - 1)))) {
            int j = headers.indexOf("; " + marker);
            if (j < 0) {
                return null;
            }
            i = j + 2;
        }
        int start = i + marker.length();
        return headers.substring(start, headers.indexOf('"', start));
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
