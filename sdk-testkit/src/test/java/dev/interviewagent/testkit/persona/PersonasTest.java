package dev.interviewagent.testkit.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PersonasTest {

    private final List<Persona> all = Personas.builtIn();

    @Test
    void sixteen_built_in_personas_eight_per_language_each_a_different_profession() {
        assertThat(all).hasSize(16);
        assertThat(all).filteredOn(p -> p.language().equals("en")).hasSize(8);
        assertThat(all).filteredOn(p -> p.language().equals("ru")).hasSize(8);
        Set<String> ids = all.stream().map(Persona::id).collect(Collectors.toSet());
        assertThat(ids).hasSize(16);
        assertThat(all.stream().map(Persona::profession).collect(Collectors.toSet())).hasSize(16);
    }

    @Test
    void every_built_in_persona_is_valid_with_at_least_fifteen_knowledge_items() {
        for (Persona p : all) {
            assertThat(p.problems()).as(p.id()).isEmpty();
            assertThat(p.knowledgeItems()).as(p.id()).isGreaterThanOrEqualTo(Persona.MIN_KNOWLEDGE_ITEMS);
            assertThat(p.interviewProfile().yearsExperience()).as(p.id()).isEqualTo(p.background().years());
        }
    }

    @Test
    void every_behaviour_is_switched_on_by_some_persona_in_each_language() {
        for (String language : List.of("en", "ru")) {
            List<Persona.Behaviours> b = all.stream().filter(p -> p.language().equals(language))
                    .map(Persona::behaviours).toList();
            assertThat(b).as(language).anyMatch(Persona.Behaviours::volunteers)
                    .anyMatch(Persona.Behaviours::storyteller).anyMatch(Persona.Behaviours::terse)
                    .anyMatch(Persona.Behaviours::tacitEvader).anyMatch(Persona.Behaviours::fatigue)
                    .anyMatch(Persona.Behaviours::corrector);
        }
    }

    @Test
    void a_persona_with_too_little_knowledge_is_rejected_with_every_problem_named() {
        String json = """
                {"id": "thin", "language": "en", "profession": "baker",
                 "profile": {"name": "A", "years": 3}, "behaviours": {"terse": true, "storyteller": true},
                 "background": {"years": 4, "roles": [], "answer": "Three years."},
                 "motivation": ["Bread."], "essence": ["Dough."],
                 "tacit": {"phrases": ["You just know."], "explicit": "The crust sings."},
                 "nothingMore": ["That's it."], "memberCheck": "Yes, 3 out of 4."}
                """;
        assertThatThrownBy(() -> Personas.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                "thin.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("thin.json")
                .hasMessageContaining("episodes: at least 4")
                .hasMessageContaining("profile.years and background.years differ")
                .hasMessageContaining("both storyteller and terse");
    }

    @Test
    void malformed_json_and_unknown_fields_are_rejected_clearly() {
        assertThatThrownBy(() -> Personas.read(new ByteArrayInputStream("{".getBytes(StandardCharsets.UTF_8)),
                "broken.json")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("broken.json");
        assertThatThrownBy(() -> Personas.read(new ByteArrayInputStream("{\"idd\": 1}".getBytes(
                StandardCharsets.UTF_8)), "typo.json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("typo.json");
        assertThatThrownBy(() -> Personas.builtIn("en/astronaut")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no built-in persona");
    }
}
