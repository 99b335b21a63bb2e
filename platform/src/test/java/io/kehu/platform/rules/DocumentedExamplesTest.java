package io.kehu.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.FormDefinition;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The ten worked examples of docs/rules.md compile in the sandbox against the shipped seed forms. */
class DocumentedExamplesTest {

    private static final Map<String, FormDefinition> SEEDS = new DefinitionReader()
            .readFolder(Path.of("..", "form-definitions")).stream()
            .collect(Collectors.toMap(FormDefinition::id, Function.identity()));

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("customer", "record.level != 'KEY' || record.account_manager != null"),
                Arguments.of("customer", "record.phone || record.email"),
                Arguments.of("interaction", "!record.next_follow_up || !record.occurred_at\n"
                        + "    || record.next_follow_up.isAfter(record.occurred_at.toLocalDate())"),
                Arguments.of("customer", "related('purchase').from('purchased_on', startOfYear(today)).sum('amount')"),
                Arguments.of("purchase", "record.quantity ? round(record.amount / record.quantity, 2) : null"),
                Arguments.of("feedback", "!(record.status in ['resolved', 'closed']) || record.first_response_at != null"),
                Arguments.of("feedback", "record.received_at && record.first_response_at\n"
                        + "    ? daysBetween(record.received_at.toLocalDate(), record.first_response_at.toLocalDate())\n"
                        + "    : null"),
                Arguments.of("customer", "record.customer_type == 'person'"),
                Arguments.of("purchase", "!record.purchased_on || !record.purchased_on.isAfter(today)"),
                Arguments.of("customer", "record.lifecycle_stage != 'lost' || old.lifecycle_stage == 'lost'\n"
                        + "    || user.hasRole('MANAGER')"),
                Arguments.of("purchase", "record.amount <= 100000 || user.hasRole('MANAGER')"),
                Arguments.of("customer", "related('feedback').where('status', 'new').count() == 0"
                        + " || record.lifecycle_stage != 'loyal'"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("examples")
    void compiles(String form, String script) {
        Sandbox sandbox = new Sandbox();
        assertThat(sandbox.cache.get(script, RecordTyping.of(SEEDS.get(form)))).isNotNull();
        assertThat(List.copyOf(SEEDS.keySet())).contains(form);
    }
}
