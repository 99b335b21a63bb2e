package io.kehu.platform.workflow;

import io.kehu.platform.i18n.ProblemTexts;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One thing wrong with a workflow definition, at the place to fix it: {@code complaint.json $.transitions[2].to}.
 *
 * @param source where the JSON came from, e.g. its file name
 * @param jsonPath where in it
 * @param kind what is wrong; its text is in bundle {@code i18n/workflow} in zh-CN and en
 * @param args the values the text names
 */
public record WorkflowProblem(String source, String jsonPath, Kind kind, List<String> args) {

    /** What can be wrong with a workflow definition. */
    public enum Kind {
        SYNTAX, TOO_LARGE, TOO_MANY, UNKNOWN_KEY, MISSING, NOT_TEXT, NOT_LIST, NOT_OBJECT, NOT_BOOLEAN, BAD_ID,
        DUPLICATE_ID, BAD_CHOICE, BAD_DURATION, UNKNOWN_FORM, UNKNOWN_FIELD, NOT_A_STATUS_FIELD, NOT_A_USER_FIELD,
        STATE_NOT_AN_OPTION, OPTION_WITHOUT_STATE, UNKNOWN_STATE, INITIAL_COUNT, TERMINAL_HAS_EXIT, UNREACHABLE_STATE,
        UNKNOWN_TRANSITION, TIMER_NOT_FROM_STATE, UNKNOWN_CALENDAR, UNKNOWN_WORKFLOW, SCRIPT, STATUS_SET_BY_ACTION,
        BAD_TIME, BAD_COUNT, COUNT_WITH_ALL, APPROVAL_WITH_ACTORS, APPROVAL_FROM_INITIAL
    }

    public WorkflowProblem {
        args = List.copyOf(args);
    }

    /** A problem with {@code args} shown as text. */
    public static WorkflowProblem of(String source, String jsonPath, Kind kind, Object... args) {
        return new WorkflowProblem(source, jsonPath, kind, Arrays.stream(args).map(String::valueOf).toList());
    }

    /** What is wrong, in {@code locale}'s language (zh or en). */
    public String message(Locale locale) {
        return ProblemTexts.format("i18n.workflow", "workflow.problem." + kind.name(), locale, args);
    }

    @Override
    public String toString() {
        return source + " " + jsonPath + ": " + message(Locale.ENGLISH);
    }
}
