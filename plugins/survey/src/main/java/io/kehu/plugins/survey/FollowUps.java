package io.kehu.plugins.survey;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.workflows.TaskRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The closed loop: a low-scored response gets a follow-up task (我的待办) about it, through the platform's workflow
 * engine, for the first configured follow-up user who is neither the original handler nor whoever entered the
 * response — the person the customer was unhappy with does not check on themselves.
 */
final class FollowUps {

    static final String KIND = "survey_follow_up";

    private final PluginContext context;

    FollowUps(PluginContext context) {
        this.context = context;
    }

    /** Opens the task; empty (and a warning in the log) when no configured user qualifies or can take it. */
    Optional<Long> open(RecordData response, String handler) {
        String enteredBy = context.currentUsername().orElse(null);
        for (String candidate : SurveySettings.followUpUsers(context)) {
            if (candidate.equalsIgnoreCase(handler == null ? "" : handler)
                    || candidate.equalsIgnoreCase(enteredBy == null ? "" : enteredBy)) {
                continue;
            }
            try {
                return Optional.of(context.workflows().createTask(new TaskRequest(SurveyForms.RESPONSE,
                        response.id(), KIND, LocalText.of("满意度低分回访：" + response.get("survey_title"),
                                "Follow up a low satisfaction score: " + response.get("survey_title")),
                        candidate, Instant.now().plus(Duration.ofDays(SurveySettings.followUpDays(context))))));
            } catch (IllegalArgumentException e) {
                context.logger().warn("follow-up user {} cannot take the task: {}", candidate, e.getMessage());
            }
        }
        context.logger().warn("no follow-up user for low-scored response {} (handler {})", response.id(), handler);
        return Optional.empty();
    }
}
