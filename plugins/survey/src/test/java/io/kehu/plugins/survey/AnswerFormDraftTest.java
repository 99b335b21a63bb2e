package io.kehu.plugins.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The answer form's progress and the draft it takes back: answers as JSON reads them (numbers as longs, sets as
 * lists) restore every question type; what no longer fits is left out; hidden questions count for no side.
 */
class AnswerFormDraftTest {

    @Test
    void aDraftReadBackFromJsonRestoresEveryTypeAndTheProgressFollows() {
        AnswerForm form = new AnswerForm(Fixtures.version(), Locale.SIMPLIFIED_CHINESE);
        int[] changes = {0};
        form.onChange(() -> changes[0]++);
        // why_not is hidden until renew = false
        assertThat(form.progress()).containsExactly(0, 9);

        form.restore(Map.of("quality", 4L, "service", 9L, "aspects", Map.of("speed", 3L, "price", 5L),
                "recommend", 10L, "channel", "other", "channel_other", "展会", "wishes", List.of("delivery"),
                "renew", false, "why_not", "太贵", "visit_date", "2026-03-05"));
        form.restore(Map.of("name_of_engineer", List.of("not", "text"), "quality", "x", "aspects",
                Map.of("nosuchrow", 1L)));

        assertThat(form.answers()).containsEntry("quality", 4).containsEntry("service", 9)
                .containsEntry("aspects", Map.of("speed", 3, "price", 5)).containsEntry("recommend", 10)
                .containsEntry("channel", "other").containsEntry("channel_other", "展会")
                .containsEntry("wishes", List.of("delivery")).containsEntry("renew", false)
                .containsEntry("why_not", "太贵").containsEntry("visit_date", "2026-03-05")
                .doesNotContainKey("name_of_engineer");
        assertThat(form.progress()).containsExactly(9, 10);
        assertThat(changes[0]).isPositive();
        assertThat(Answers.check(Fixtures.version(), form.answers()).ok()).isTrue();
    }
}
