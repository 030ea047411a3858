package dev.interviewagent.bench.drill.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HostileTextTest {

    @Test
    void should_type_every_script_payload_into_the_page() {
        List<String> typed = IntStream.range(0, PageCheck.ANSWERS).mapToObj(PageCheck::answer).toList();

        for (String payload : HostileText.SCRIPT) {
            assertThat(typed).as("an answer carrying %s", payload).anyMatch(a -> a.contains(payload));
        }
        assertThat(typed).allMatch(a -> a.contains(HostileText.CANARY));
    }

    @Test
    void should_make_the_same_answers_from_the_same_seed_each_with_the_canary() {
        List<String> first = answers(42);
        List<String> again = answers(42);

        assertThat(again).isEqualTo(first);
        assertThat(first).allMatch(a -> a.contains(HostileText.CANARY));
        assertThat(answers(43)).isNotEqualTo(first);
    }

    @Test
    void should_set_the_watched_global_in_every_script_payload() {
        assertThat(HostileText.SCRIPT).allMatch(p -> p.contains(HostileText.XSS_GLOBAL)
                || p.contains("javascript:"));
    }

    private static List<String> answers(long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            out.add(HostileText.answer(random));
        }
        return out;
    }
}
