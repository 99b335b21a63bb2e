package io.kehu.plugins.churn;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.workflows.WorkflowActionCall;
import io.kehu.sdk.workflows.WorkflowActionHandler;
import io.kehu.sdk.workflows.WorkflowRefusedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * The case workflow's check before 分析完成，交责任部门改进 ({@code analysed}): the seeds ask that each finding goes to
 * the department responsible and that a named person tracks the improvement and its result. So the move is refused
 * — with what is missing, in zh and en — unless the case has at least one improvement action ({@code churn_action}),
 * the case's responsible department has one of them, and every action names its department, owner and due date.
 * Listed first in the transition's actions, so nothing of the move is kept when it refuses.
 */
@Extension
public class RequireActions implements WorkflowActionHandler {

    static final String NAME = "require_actions";
    private static final List<String> NEEDED = List.of("department", "owner", "due_on");

    private final PluginContext context;

    public RequireActions(PluginContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(WorkflowActionCall call) {
        List<RecordData> actions = context.records().search(ChurnForms.ACTION)
                .where("churn_case", FilterOperator.EQUALS, call.recordId()).limit(1000).list();
        if (actions.isEmpty()) {
            throw refused("actions.required.none");
        }
        for (RecordData action : actions) {
            List<String> zh = new ArrayList<>();
            List<String> en = new ArrayList<>();
            for (String field : NEEDED) {
                Object value = action.get(field);
                if (value == null || value.toString().isBlank()) {
                    LocalText label = fieldLabel(field);
                    zh.add(label.zh());
                    en.add(label.en());
                }
            }
            if (!zh.isEmpty()) {
                String what = String.valueOf(action.get("action"));
                throw new WorkflowRefusedException("ACTION_INCOMPLETE", LocalText.of(
                        message("actions.required.incomplete", Locale.SIMPLIFIED_CHINESE, what, String.join("、", zh)),
                        message("actions.required.incomplete", Locale.ENGLISH, what, String.join(", ", en))));
            }
        }
        Object department = call.values().get("department");
        if (department != null && actions.stream().noneMatch(a -> department.equals(a.get("department")))) {
            String key = "opt.department." + department;
            throw new WorkflowRefusedException("ACTION_FOR_DEPARTMENT", LocalText.of(
                    message("actions.required.department", Locale.SIMPLIFIED_CHINESE,
                            message(key, Locale.SIMPLIFIED_CHINESE)),
                    message("actions.required.department", Locale.ENGLISH, message(key, Locale.ENGLISH))));
        }
    }

    private LocalText fieldLabel(String field) {
        return context.definitions().form(ChurnForms.ACTION).flatMap(f -> f.field(field))
                .map(io.kehu.sdk.forms.FieldInfo::label).orElse(LocalText.of(field, field));
    }

    private WorkflowRefusedException refused(String key) {
        return new WorkflowRefusedException("ACTIONS_MISSING", LocalText.of(message(key, Locale.SIMPLIFIED_CHINESE),
                message(key, Locale.ENGLISH)));
    }

    private String message(String key, Locale locale, Object... args) {
        return context.messages().get(key, locale, args);
    }
}
