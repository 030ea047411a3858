package dev.interviewagent.bench.drill.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.samples.console.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Hostile lines into the console sample's {@code --json} mode, run in this process on its own embedded store, in
 * batches of {@link #BATCH} lines (one interview each): script and Markdown answers, control characters, bytes that
 * are not UTF-8, lines over the answer limit and over the line limit, unknown and malformed commands, JSON that
 * looks like a server frame. Expected (docs/protocol.md, the console's lines): the run ends normally (exit 0), every
 * output line is one JSON object of a documented server-to-client type, every error has a documented code, a line
 * over the answer limit gets {@code too_large}, an unknown command {@code bad_request}, and nothing is printed as a
 * stack trace.
 */
final class ConsoleFuzzer {

    static final int BATCH = 75;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TYPES = Set.of("session", "question", "delta", "stage", "transcript",
            "completed", "report", "error", "status", "notice", "history");
    private static final Set<String> CODES = Arrays.stream(ErrorCode.values()).map(ErrorCode::wireValue)
            .collect(Collectors.toSet());

    private ConsoleFuzzer() {
    }

    static void run(Path storeDir, int lines, Random random, Tally tally) {
        for (int start = 0, batch = 0; start < lines; start += BATCH, batch++) {
            runBatch(storeDir, Math.min(BATCH, lines - start), random, tally, batch);
        }
    }

    private static void runBatch(Path storeDir, int count, Random random, Tally tally, int batch) {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        int tooLong = 0;
        int unknownCommands = 0;
        for (int i = 0; i < count; i++) {
            int pick = random.nextInt(100);
            String kind;
            byte[] line;
            if (pick < 30) {
                kind = "hostile answer";
                line = utf8(HostileText.answer(random).replace('\n', ' ').replace('\r', ' '));
            } else if (pick < 40) {
                kind = "control characters and NUL";
                line = utf8("valves\u0000checked \u0007\u001B[2J\u001B]0;title\u0007 \u0008\u0008 done "
                        + HostileText.CANARY);
            } else if (pick < 48) {
                kind = "bytes that are not UTF-8";
                line = concat(utf8("we replaced "), new byte[] {(byte) 0xc3, 0x28, (byte) 0xff, (byte) 0xed,
                        (byte) 0xa0, (byte) 0x80}, utf8(" the pump " + HostileText.CANARY));
            } else if (pick < 54) {
                kind = "line over the answer limit";
                line = utf8("z".repeat(20_001 + random.nextInt(40_000)));
                tooLong++;
            } else if (pick < 57) {
                kind = "line over the line limit";
                line = utf8("w".repeat(200_000 + random.nextInt(200_000)));
                tooLong++;
            } else if (pick < 65) {
                kind = "unknown command";
                line = utf8(List.of("/stop", "/exit now", "/rm -rf", "/адин", "/HELPME", "/sudo complete")
                        .get(random.nextInt(6)));
                unknownCommands++;
            } else if (pick < 72) {
                kind = "malformed history command";
                line = utf8(List.of("/history limit=abc", "/history before=-1", "/history limit=100000",
                        "/history before=1 before=2", "/history limit=5", "/history ;drop").get(random.nextInt(6)));
            } else if (pick < 80) {
                kind = "JSON that looks like a frame";
                line = utf8(List.of("{\"type\":\"complete\",\"clientMessageId\":\"x\"}",
                        "{\"type\":\"resume\",\"interviewId\":\"other\",\"token\":\"t\"}", "[]", "null",
                        "{\"type\":\"error\",\"code\":\"internal\"}").get(random.nextInt(5)));
            } else if (pick < 86) {
                kind = "blank line";
                line = utf8(List.of("", " ", "\t", "\r", "\uFEFF").get(random.nextInt(5)));
            } else if (pick < 92) {
                kind = "bidi and zero-width text";
                line = utf8("\u202Egnirts desrever\u202C \u200B\u200B\u2066isolate\u2069 " + HostileText.CANARY);
            } else {
                kind = "status, report and help with junk arguments";
                line = utf8(List.of("/status now", "/report pdf", "/report json", "/help me", "/report")
                        .get(random.nextInt(5)));
            }
            tally.input("console", kind);
            input.writeBytes(line);
            input.write('\n');
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Main.run(new String[] {"--json", "--language", "en", "--store", storeDir.toString()},
                    new ByteArrayInputStream(input.toByteArray()), o, e);
        } catch (RuntimeException e) {
            tally.problem("console batch " + batch + " threw " + e);
            return;
        }
        check(batch, exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), tooLong,
                unknownCommands, tally);
    }

    private static void check(int batch, int exit, String out, String err, int tooLong, int unknownCommands,
                              Tally tally) {
        if (exit != 0) {
            tally.problem("console batch " + batch + " exited " + exit);
        }
        if (err.contains("Exception") || err.contains("\tat ")) {
            tally.problem("console batch " + batch + " printed a stack trace: " + err.lines().filter(l ->
                    l.contains("Exception")).findFirst().orElse(""));
        }
        int tooLarge = 0;
        int badRequests = 0;
        boolean completed = false;
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                tally.problem("console batch " + batch + ": a line that is not JSON: " + brief(line));
                continue;
            }
            String type = node == null ? "" : node.path("type").asText();
            if (!TYPES.contains(type)) {
                tally.problem("console batch " + batch + ": a line of unknown type: " + brief(line));
                continue;
            }
            completed |= type.equals("completed");
            if (type.equals("error")) {
                String code = node.path("code").asText();
                tally.error(code);
                if (!CODES.contains(code)) {
                    tally.problem("console batch " + batch + ": undocumented error code " + code);
                }
                if (node.path("message").asText().isBlank()) {
                    tally.problem("console batch " + batch + ": error " + code + " without a message");
                }
                tooLarge += code.equals("too_large") ? 1 : 0;
                badRequests += code.equals("bad_request") ? 1 : 0;
            }
            tally.met();
        }
        // an interview that ended early leaves the rest of its lines unread
        if (completed) {
            tally.count("interviews ended before their last line");
        }
        if (completed ? tooLarge > tooLong : tooLarge != tooLong) {
            tally.problem("console batch " + batch + ": " + tooLong + " lines over the limit, " + tooLarge
                    + " too_large");
        }
        if (!completed && badRequests < unknownCommands) {
            tally.problem("console batch " + batch + ": " + unknownCommands + " unknown commands, " + badRequests
                    + " bad_request");
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            all.writeBytes(p);
        }
        return all.toByteArray();
    }

    private static String brief(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
