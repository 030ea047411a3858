package dev.interviewagent.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewStatus;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.spi.testkit.TestInterviews;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The listing values on their own: validation, cursor encoding, matching and page assembly. */
class InterviewQueryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void should_default_to_any_interview_fifty_per_page_when_nothing_is_set() {
        InterviewQuery query = InterviewQuery.builder().build();
        assertThat(query.pageSize()).isEqualTo(InterviewQuery.DEFAULT_PAGE_SIZE).isEqualTo(50);
        assertThat(query.statuses()).isEmpty();
        assertThat(query.cursor()).isNull();
        assertThat(query.matches(summary("a", "telegram:1", T0))).isTrue();
    }

    @Test
    void should_name_the_field_when_a_filter_is_invalid() {
        assertThatThrownBy(() -> InterviewQuery.builder().style(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("style");
        assertThatThrownBy(() -> InterviewQuery.builder().channelKey(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channelKey");
        assertThatThrownBy(() -> InterviewQuery.builder().channel("telegram:1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel");
        assertThatThrownBy(() -> InterviewQuery.builder().updatedFrom(T0).updatedBefore(T0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("updatedFrom");
        assertThatThrownBy(() -> InterviewQuery.builder().startedFrom(T0.plusSeconds(1)).startedBefore(T0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("startedFrom");
        assertThatThrownBy(() -> InterviewQuery.builder().statuses(InterviewStatus.ACTIVE, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("statuses");
    }

    @Test
    void should_round_trip_a_cursor_through_its_text_and_refuse_anything_else() {
        InterviewQuery query = InterviewQuery.builder().channel("telegram").pageSize(1).build();
        InterviewPage page = InterviewPage.of(query, List.of(summary("b", "telegram:1", T0.plusNanos(123_456_789)),
                summary("a", "telegram:2", T0)));
        InterviewCursor cursor = page.nextCursor().orElseThrow();

        InterviewCursor read = InterviewCursor.of(cursor.value());
        assertThat(read).isEqualTo(cursor);
        assertThat(read.updatedAt()).isEqualTo(T0.plusNanos(123_456_789));
        assertThat(read.id()).isEqualTo(InterviewId.of("b"));
        assertThat(cursor.value()).matches("[A-Za-z0-9_-]+").doesNotContain("telegram:1");

        String encoded = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("1|0123456789abcdef|1|2|bad id".getBytes(StandardCharsets.UTF_8));
        for (String bad : List.of("", "%%%", "x".repeat(300), encoded, cursor.value() + "A",
                Base64.getUrlEncoder().encodeToString("2|0123456789abcdef|1|2|a".getBytes(StandardCharsets.UTF_8)))) {
            assertThatThrownBy(() -> InterviewCursor.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cursor");
        }
    }

    @Test
    void should_tie_a_cursor_to_the_filters_but_not_to_the_page_size_or_status_order() {
        InterviewQuery query = InterviewQuery.builder().channel("telegram")
                .statuses(InterviewStatus.COMPLETED, InterviewStatus.ACTIVE).pageSize(1).build();
        InterviewCursor cursor = InterviewPage.of(query, List.of(summary("b", "telegram:1", T0),
                summary("a", "telegram:2", T0))).nextCursor().orElseThrow();

        InterviewQuery reordered = InterviewQuery.builder().channel("telegram")
                .statuses(InterviewStatus.ACTIVE, InterviewStatus.COMPLETED).pageSize(200).after(cursor).build();
        assertThat(reordered.cursor()).isEqualTo(cursor);
        assertThatThrownBy(() -> query.toBuilder().channelKey("telegram:1").after(cursor).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other filters");
        assertThatThrownBy(() -> query.toBuilder().statuses(InterviewStatus.ACTIVE).after(cursor).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_match_only_what_comes_after_the_cursor_in_listing_order() {
        InterviewQuery first = InterviewQuery.builder().pageSize(1).build();
        InterviewCursor cursor = InterviewPage.of(first, List.of(summary("m", null, T0), summary("a", null, T0)))
                .nextCursor().orElseThrow();
        InterviewQuery next = first.after(cursor);

        assertThat(next.matches(summary("n", null, T0))).as("same time, greater id: before the cursor").isFalse();
        assertThat(next.matches(summary("m", null, T0))).as("the cursor itself").isFalse();
        assertThat(next.matches(summary("l", null, T0))).as("same time, smaller id").isTrue();
        assertThat(next.matches(summary("z", null, T0.minusNanos(1)))).as("older").isTrue();
        assertThat(next.matches(summary("a", null, T0.plusNanos(1)))).as("newer").isFalse();
    }

    @Test
    void should_build_a_page_without_cursor_when_no_more_matched_and_refuse_a_store_bug() {
        InterviewQuery query = InterviewQuery.builder().pageSize(2).build();
        InterviewSummary newer = summary("b", null, T0.plusSeconds(1));
        InterviewSummary older = summary("a", null, T0);

        assertThat(InterviewPage.of(query, List.of(newer, older)).hasNext()).isFalse();
        assertThat(InterviewPage.of(query, List.of()).items()).isEmpty();
        assertThatThrownBy(() -> InterviewPage.of(query, List.of(older, newer)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order");
        assertThatThrownBy(() -> InterviewPage.of(query, List.of(newer, newer)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InterviewPage.of(query, List.of(newer, older, summary("0", null, T0),
                summary("1", null, T0)))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3");
    }

    @Test
    void should_derive_the_channel_from_the_channel_key_prefix() {
        assertThat(InterviewSummary.channelOf("telegram:12345")).isEqualTo("telegram");
        assertThat(InterviewSummary.channelOf("web:a:b")).isEqualTo("web");
        assertThat(InterviewSummary.channelOf("plain")).isNull();
        assertThat(InterviewSummary.channelOf(":x")).isNull();
        assertThat(InterviewSummary.channelOf(null)).isNull();
        Interview interview = TestInterviews.started(TestInterviews.newId(), "telegram:42", T0);
        assertThat(InterviewSummary.of(interview).channel()).isEqualTo("telegram");
    }

    @Test
    void should_not_spell_out_the_channel_key_when_printed() {
        assertThat(InterviewQuery.builder().channelKey("telegram:987654").language(Language.RUSSIAN).build())
                .asString().doesNotContain("987654").contains("RUSSIAN");
    }

    private static InterviewSummary summary(String id, String channelKey, Instant updatedAt) {
        Interview interview = TestInterviews.started(InterviewId.of(id), channelKey, T0.minusSeconds(60)).toBuilder()
                .updatedAt(updatedAt).build();
        return InterviewSummary.of(interview);
    }
}
