package dev.interviewagent.llm.internal;

import java.util.function.Consumer;

/**
 * Turns the streamed JSON of a model reply into deltas of its top-level {@code "message"} string, decoded, as the
 * characters arrive, and says when the string has ended; also hands over the top-level {@code "stage"} string when
 * it has ended. Everything else in the JSON is ignored. Not thread-safe:
 * one instance per stream (chunks arrive in order).
 */
final class MessageStreamExtractor implements Consumer<String> {

    private final Consumer<String> deltas;
    private final Runnable ended;
    private final Consumer<String> stage;
    private boolean capturingStage;
    private final StringBuilder stageValue = new StringBuilder();
    private int depth;
    private boolean inString;
    private boolean isKey;
    private boolean escaping;
    private int unicodeLeft = -1;
    private int unicodeValue;
    private char lastStructural = ' ';
    private boolean emitting;
    private boolean done;
    private final StringBuilder key = new StringBuilder();
    private String lastKey = "";

    MessageStreamExtractor(Consumer<String> deltas) {
        this(deltas, () -> { });
    }

    /** @param ended called once, after the last delta, when the message string closes */
    MessageStreamExtractor(Consumer<String> deltas, Runnable ended) {
        this(deltas, ended, s -> { });
    }

    /**
     * @param ended called once, after the last delta, when the message string closes
     * @param stage called with the top-level {@code "stage"} string when it closes (before the message's deltas
     *              when the model writes the fields in the contract's order)
     */
    MessageStreamExtractor(Consumer<String> deltas, Runnable ended, Consumer<String> stage) {
        this.deltas = deltas;
        this.ended = ended;
        this.stage = stage;
    }

    @Override
    public void accept(String chunk) {
        if (done || chunk == null) {
            return;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < chunk.length() && !done; i++) {
            step(chunk.charAt(i), out);
        }
        if (out.length() > 0) {
            deltas.accept(out.toString());
        }
        if (done) {
            ended.run();
        }
    }

    private void step(char c, StringBuilder out) {
        if (inString) {
            if (unicodeLeft > 0) {
                int digit = Character.digit(c, 16);
                unicodeValue = unicodeValue * 16 + Math.max(digit, 0);
                if (--unicodeLeft == 0) {
                    text((char) unicodeValue, out);
                    unicodeLeft = -1;
                }
            } else if (escaping) {
                escaping = false;
                switch (c) {
                    case 'n' -> text('\n', out);
                    case 't' -> text('\t', out);
                    case 'r' -> text('\r', out);
                    case 'b', 'f' -> { }
                    case 'u' -> {
                        unicodeLeft = 4;
                        unicodeValue = 0;
                    }
                    default -> text(c, out);
                }
            } else if (c == '\\') {
                escaping = true;
            } else if (c == '"') {
                inString = false;
                if (isKey) {
                    lastKey = key.toString();
                } else if (capturingStage) {
                    capturingStage = false;
                    stage.accept(stageValue.toString());
                } else if (emitting) {
                    emitting = false;
                    done = true;
                }
            } else {
                text(c, out);
            }
            return;
        }
        switch (c) {
            case '{', '[' -> {
                depth++;
                lastStructural = c;
            }
            case '}', ']' -> {
                depth--;
                lastStructural = c;
            }
            case ',', ':' -> lastStructural = c;
            case '"' -> {
                inString = true;
                isKey = depth == 1 && (lastStructural == '{' || lastStructural == ',');
                key.setLength(0);
                emitting = !isKey && depth == 1 && lastStructural == ':' && "message".equals(lastKey);
                capturingStage = !isKey && depth == 1 && lastStructural == ':' && "stage".equals(lastKey);
                stageValue.setLength(0);
                lastStructural = '"';
            }
            default -> { }
        }
    }

    private void text(char c, StringBuilder out) {
        if (isKey) {
            key.append(c);
        } else if (capturingStage) {
            stageValue.append(c);
        } else if (emitting) {
            out.append(c);
        }
    }
}
