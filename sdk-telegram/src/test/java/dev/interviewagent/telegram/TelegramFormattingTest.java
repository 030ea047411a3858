package dev.interviewagent.telegram;

import static dev.interviewagent.telegram.fake.FakeBotApi.callback;
import static dev.interviewagent.telegram.fake.FakeBotApi.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.telegram.fake.FakeBotApi;
import dev.interviewagent.telegram.internal.MarkdownV2;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** MarkdownV2 escaping, splitting over 4096 characters and streaming edits, end to end and in the small. */
class TelegramFormattingTest {

    private static final String SPECIAL = "_*[]()~`>#+-=|{}.!\\";

    private TestBed bed;

    @AfterEach
    void stop() {
        if (bed != null) {
            bed.close();
        }
    }

    private void startInterview(long chat) {
        bed.send(text(chat, "en", "/start"));
        bed.send(callback(chat, "en", 1, "lang:en"));
        bed.send(callback(chat, "en", 2, "style:master"));
        bed.send(callback(chat, "en", 3, "profile:skip"));
    }

    @Test
    void should_escape_every_reserved_character_when_escaping() {
        assertThat(MarkdownV2.escape(SPECIAL)).isEqualTo("\\_\\*\\[\\]\\(\\)\\~\\`\\>\\#\\+\\-\\=\\|\\{\\}\\.\\!\\\\");
        assertThat(MarkdownV2.escape("plain words, digits 123 and кириллица")).isEqualTo(
                "plain words, digits 123 and кириллица");
    }

    @Test
    void should_escape_model_text_when_the_brain_uses_reserved_characters() {
        String modelText = "Step_1 *bold* [link](http://x.y) ~strike~ `code` > #tag +1 -2 =3 |pipe| {a}. Done! "
                + "Path C:\\temp - turn %d: what do you check first?";
        bed = new TestBed(InterviewEngine.builder().brain(TestBrains.of(r -> modelText.formatted(r.turnNumber())))
                .build()).polling();
        long chat = 5001;
        startInterview(chat);

        List<FakeBotApi.Call> sent = bed.api.calls("sendMessage", "5001");
        String question = sent.get(sent.size() - 1).text();
        assertThat(question).isEqualTo("Step\\_1 \\*bold\\* \\[link\\]\\(http://x\\.y\\) \\~strike\\~ \\`code\\` \\> "
                + "\\#tag \\+1 \\-2 \\=3 \\|pipe\\| \\{a\\}\\. Done\\! Path C:\\\\temp \\- turn 1: what do you check "
                + "first?");
        assertThat(sent).allSatisfy(c -> assertThat(c.params().path("parse_mode").asText()).isEqualTo("MarkdownV2"));
        assertUnescapedReservedCharactersAreOnlyFormatting(sent);
    }

    @Test
    void should_escape_user_text_when_it_is_echoed() {
        bed = new TestBed(InterviewEngine.builder().build(), b -> b.transcriber(
                (audio, language) -> new dev.interviewagent.core.channel.SpeechTranscriber.Heard(
                        "pH_7 (approx.) - ok! [x] *y* #1", 0.95))).polling();
        long chat = 5002;
        startInterview(chat);
        bed.api.serveFile("v1", "voice/file_1.oga", new byte[] {1, 2, 3});
        bed.send(FakeBotApi.voice(chat, "en", "v1", 3, 2));
        List<FakeBotApi.Call> sent = bed.api.calls("sendMessage", "5002");
        assertThat(sent).extracting(FakeBotApi.Call::text)
                .contains("🎙 I heard: “pH\\_7 \\(approx\\.\\) \\- ok\\! \\[x\\] \\*y\\* \\#1”");
    }

    @Test
    void should_split_long_model_text_at_sentence_boundaries_when_over_4096_characters() {
        StringBuilder longText = new StringBuilder();
        for (int i = 0; longText.length() < 9000; i++) {
            longText.append("Sentence number ").append(i).append(" explains a detail (with dots...). ");
        }
        String modelText = longText + "So, turn %d: which detail matters most?";
        bed = new TestBed(InterviewEngine.builder().brain(TestBrains.of(r -> modelText.formatted(r.turnNumber())))
                .build()).polling();
        long chat = 5003;
        startInterview(chat);

        List<String> sent = bed.api.calls("sendMessage", "5003").stream().map(FakeBotApi.Call::text).toList();
        int first = 0;
        while (!sent.get(first).startsWith("Sentence number 0 ")) {
            first++;
        }
        List<String> parts = sent.subList(first, sent.size());
        assertThat(parts).hasSize(3);
        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(4096));
        // cut at sentence ends: each part but the last ends with an (escaped) full stop
        assertThat(parts.get(0)).endsWith("\\.");
        assertThat(parts.get(1)).startsWith("Sentence number ").endsWith("\\.");
        assertThat(parts.get(2)).startsWith("Sentence number ").endsWith("which detail matters most?");
        String joined = String.join(" ", parts.stream().map(FakeBotApi::unescape).toList());
        assertThat(joined).isEqualTo(modelText.formatted(1).strip());
    }

    @Test
    void should_keep_formatted_parts_within_the_limit_when_escaping_doubles_the_length() {
        String dots = ".".repeat(5000);
        List<String> parts = MarkdownV2.split(dots, 4096, MarkdownV2::escape);
        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(4096));
        assertThat(String.join("", parts)).isEqualTo(MarkdownV2.escape(dots));
    }

    @Test
    void should_convert_report_markdown_to_markdown_v2_when_rendering_reports() {
        String converted = MarkdownV2.fromMarkdown("# Title (draft)\n\n- item **key**: 1.5\n* other_item\nplain!");
        assertThat(converted).isEqualTo("*Title \\(draft\\)*\n\n• item *key*: 1\\.5\n• other\\_item\nplain\\!");
    }

    @Test
    void should_stream_into_one_message_and_edit_it_when_the_brain_streams() {
        bed = new TestBed(InterviewEngine.builder().brain(TestBrains.streaming(r -> "Thanks. Turn " + r.turnNumber()
                + ": what happened next?")).build()).polling();
        long chat = 5004;
        startInterview(chat);
        int sentBefore = bed.api.calls("sendMessage", "5004").size();
        bed.send(text(chat, "en", "We found a leak in the main line in 2019, it took 6 hours to fix."));

        List<FakeBotApi.Call> sent = bed.api.calls("sendMessage", "5004");
        List<FakeBotApi.Call> edits = bed.api.calls("editMessageText", "5004");
        assertThat(sent.subList(sentBefore, sent.size())).extracting(FakeBotApi.Call::text)
                .anyMatch(t -> t.endsWith(" …"));
        assertThat(edits).isNotEmpty();
        assertThat(edits.get(edits.size() - 1).text()).isEqualTo("Thanks\\. Turn 3: what happened next?");
        assertThat(sent.subList(sentBefore, sent.size())).extracting(FakeBotApi.Call::text)
                .doesNotContain("Thanks\\. Turn 3: what happened next?");
    }

    /** Outside escapes, only the formatting we produce (bold/italic markers) may appear. */
    private static void assertUnescapedReservedCharactersAreOnlyFormatting(List<FakeBotApi.Call> sent) {
        for (FakeBotApi.Call call : sent) {
            String t = call.text();
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c == '\\') {
                    i++;
                } else {
                    assertThat("[]()~`>#+-=|{}.!".indexOf(c)).as("unescaped %s in %s", c, t).isNegative();
                }
            }
        }
    }
}
