package io.kehu.plugins.visits;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordAction;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordEvent;
import io.kehu.sdk.records.RecordListener;
import io.kehu.sdk.users.UserInfo;
import io.kehu.sdk.workflows.TaskRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * A feedback card of two stars or fewer starts a revisit: a task (我的待办) on the visit, due in three days, for a
 * manager who is not the visitor — the seeds want the customer called back by someone other than who served them.
 * Once per visit: a visit that already has an open revisit task gets no second one.
 */
@Extension
public class LowScoreRevisit implements RecordListener {

    static final int LOW = 2;
    static final String KIND = "visit_revisit";

    private final PluginContext context;

    public LowScoreRevisit(PluginContext context) {
        this.context = context;
    }

    @Override
    public boolean handles(String formId) {
        return VisitForms.FEEDBACK.equals(formId);
    }

    @Override
    public void afterSave(RecordEvent event) {
        if (event.action() != RecordAction.CREATE) {
            return;
        }
        context.records().get(VisitForms.FEEDBACK, event.id())
                .filter(card -> VisitCatalog.number(card.get("rating")) <= LOW)
                .filter(card -> card.get("visit") instanceof Long)
                .ifPresent(this::startRevisit);
    }

    private void startRevisit(RecordData card) {
        long stars = VisitCatalog.number(card.get("rating"));
        startRevisit(context, (Long) card.get("visit"), LocalText.of(
                context.messages().get("revisit.task", Locale.SIMPLIFIED_CHINESE, stars),
                context.messages().get("revisit.task", Locale.ENGLISH, stars)));
    }

    /**
     * Gives the visit a 回访客户 task titled {@code title}, due in three days, for a manager who is not the visitor
     * (else an administrator) — unless it has an open one already. Also used for low survey scores
     * ({@link SurveyLowScoreRevisit}).
     */
    static void startRevisit(PluginContext context, long visitId, LocalText title) {
        if (context.workflows().openTasks(VisitForms.VISIT, visitId).stream().anyMatch(t -> KIND.equals(t.kind()))) {
            return;
        }
        Object visitor = context.records().get(VisitForms.VISIT, visitId).map(v -> v.get("visitor")).orElse(null);
        revisitor(context, visitor).ifPresent(user -> context.workflows().createTask(new TaskRequest(VisitForms.VISIT,
                visitId, KIND, title, user.username(), Instant.now().plus(Duration.ofDays(3)))));
    }

    /** A manager other than the visitor (the first by id, so the choice is stable), else an administrator. */
    private static Optional<UserInfo> revisitor(PluginContext context, Object visitor) {
        Comparator<UserInfo> byId = Comparator.comparingLong(UserInfo::id);
        for (String role : new String[] {"MANAGER", "ADMIN"}) {
            Optional<UserInfo> someone = context.users().enabled().stream()
                    .filter(u -> u.roles().contains(role) && !Long.valueOf(u.id()).equals(visitor)).min(byId);
            if (someone.isPresent()) {
                return someone;
            }
        }
        return Optional.empty();
    }
}
