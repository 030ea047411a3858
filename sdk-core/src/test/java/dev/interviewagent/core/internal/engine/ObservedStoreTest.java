package dev.interviewagent.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.metrics.EngineObserver;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.core.store.InMemoryInterviewStore;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ObservedStoreTest {

    @Test
    void should_override_every_store_method_so_a_store_s_own_implementation_is_never_bypassed() {
        for (Method method : InterviewStore.class.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            assertThat(Arrays.stream(ObservedStore.class.getDeclaredMethods())
                    .anyMatch(m -> m.getName().equals(method.getName())
                            && Arrays.equals(m.getParameterTypes(), method.getParameterTypes())))
                    .as("ObservedStore declares %s (a default method would skip the wrapped store's own)", method)
                    .isTrue();
        }
    }

    @Test
    void should_leave_the_store_unwrapped_when_nobody_observes() {
        InterviewStore store = new InMemoryInterviewStore();
        assertThat(ObservedStore.wrap(store, EngineObserver.NONE)).isSameAs(store);
        assertThat(ObservedStore.wrap(store, new EngineObserver() { })).isInstanceOf(ObservedStore.class);
    }
}
