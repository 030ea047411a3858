package dev.interviewagent.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.MemberCheck;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.scenario.ScriptedExpert;
import dev.interviewagent.core.scenario.ScriptedExperts;
import dev.interviewagent.core.spi.MoveType;
import dev.interviewagent.core.spi.testkit.TestInterviews;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MemberCheckTest {

    private final InterviewEngine engine = InterviewEngine.builder().build();

    @AfterEach
    void close() {
        engine.close();
    }

    /** Runs an expert up to the member check and returns the reply that presents it. */
    private Reply untilMemberCheck(ScriptedExpert expert) {
        Reply reply = engine.start(StartRequest.builder().language(expert.language()).profile(expert.profile())
                .build());
        Map<Stage, Integer> given = new EnumMap<>(Stage.class);
        int n = 0;
        while (!MoveType.MEMBER_CHECK.code().equals(reply.message().move())) {
            Stage stage = reply.message().stage();
            int count = given.merge(stage, 1, Integer::sum) - 1;
            reply = engine.answer(reply.interviewId(), Answer.text("a" + n++, expert.answer(stage, count)));
            assertThat(n).isLessThan(200);
        }
        return reply;
    }

    @Test
    void should_present_key_insights_and_ask_for_confirmation_and_a_rating() {
        Reply check = untilMemberCheck(ScriptedExperts.icuNurse());

        MemberCheck state = TestInterviews.whole(check.interview()).memberCheck();
        assertThat(state.status()).isEqualTo(MemberCheck.Status.PRESENTED);
        assertThat(state.presented()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        assertThat(check.message().stage()).isEqualTo(Stage.WRAP_UP);
        assertThat(check.message().text()).contains(state.presented().get(0).replace("…", "").substring(0, 20));
    }

    @Test
    void should_store_the_rating_and_let_a_correction_replace_the_insight_it_corrects() {
        Reply check = untilMemberCheck(ScriptedExperts.siteReliabilityEngineer());
        List<String> presented = TestInterviews.whole(check.interview()).memberCheck().presented();
        assertThat(presented).hasSizeGreaterThanOrEqualTo(2);
        String correction = "2. Newcomers should change one thing at a time and write each change down.";

        Reply after = engine.answer(check.interviewId(), Answer.text("mc", correction + " I'd rate it 3."));

        MemberCheck state = TestInterviews.whole(after.interview()).memberCheck();
        assertThat(state.status()).isEqualTo(MemberCheck.Status.DONE);
        assertThat(state.rating()).isEqualTo(3);
        assertThat(state.corrections()).hasSize(1);
        KnowledgeReport report = engine.report(check.interviewId());
        assertThat(report.memberCheck().rating()).isEqualTo(3);
        assertThat(report.keyInsights().get(1).corrected()).isTrue();
        assertThat(report.keyInsights().get(1).text()).startsWith("Newcomers should change one thing at a time");
        assertThat(report.keyInsights()).extracting(KnowledgeReport.Insight::text).doesNotContain(presented.get(1));
        assertThat(report.keyInsights().get(0).text()).isEqualTo(presented.get(0));
        assertThat(engine.report(check.interviewId(), ReportFormat.MARKDOWN))
                .contains("Newcomers should change one thing at a time");
    }

    @Test
    void should_record_a_plain_confirmation_without_corrections() {
        Reply check = untilMemberCheck(ScriptedExperts.chiefAccountant());
        Reply after = engine.answer(check.interviewId(), Answer.text("mc", "Да, всё верно. Ставлю 4."));

        MemberCheck state = TestInterviews.whole(after.interview()).memberCheck();
        assertThat(state.rating()).isEqualTo(4);
        assertThat(engine.report(check.interviewId()).keyInsights())
                .noneMatch(KnowledgeReport.Insight::corrected);
    }
}
