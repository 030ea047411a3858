package dev.interviewagent.telegram;

import dev.interviewagent.core.spi.BrainReply;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.core.spi.InterviewerBrain;
import java.util.function.Consumer;
import java.util.function.Function;

/** Brains for tests: fixed wording per request, optionally streamed word by word. */
final class TestBrains {

    private TestBrains() {
    }

    static InterviewerBrain of(Function<BrainRequest, String> phrasing) {
        return new InterviewerBrain() {
            @Override
            public String id() {
                return "test";
            }

            @Override
            public BrainReply phrase(BrainRequest request) {
                return BrainReply.of(phrasing.apply(request), "test");
            }
        };
    }

    /** A brain that streams its message in pieces before returning it. */
    static InterviewerBrain streaming(Function<BrainRequest, String> phrasing) {
        return new InterviewerBrain() {
            @Override
            public String id() {
                return "test-streaming";
            }

            @Override
            public BrainReply phrase(BrainRequest request) {
                return BrainReply.of(phrasing.apply(request), "test-streaming");
            }

            @Override
            public BrainReply phrase(BrainRequest request, Consumer<String> deltas) {
                String message = phrasing.apply(request);
                for (String piece : message.split("(?<= )")) {
                    deltas.accept(piece);
                }
                return BrainReply.of(message, "test-streaming");
            }
        };
    }

    /**
     * Echoes the last answer in the question, so the order of replies shows the order answers were handled. Each
     * question sentence differs (the engine takes a brain's sentence asked twice already as not listening).
     */
    static InterviewerBrain echo() {
        return of(r -> r.lastAnswer() == null ? "Turn " + r.turnNumber() + ": what do you do?"
                : "Got " + r.lastAnswer() + ", turn " + r.turnNumber() + ". What comes after turn " + r.turnNumber()
                        + "?");
    }
}
