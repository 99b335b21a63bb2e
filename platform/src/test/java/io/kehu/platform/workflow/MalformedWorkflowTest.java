package io.kehu.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import io.kehu.platform.workflow.WorkflowProblem.Kind;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Workflow definitions are admin-written: each broken one is refused with the JSON path and the reason in zh and en,
 * against the shipped complaint workflow and feedback form.
 */
class MalformedWorkflowTest {

    private static final String COMPLAINT = ShippedWorkflows.read(
            ShippedWorkflows.WORKFLOWS.resolve("complaint_handling.json"));
    private static WorkflowReader reader;

    @BeforeAll
    static void reader() {
        reader = ShippedWorkflows.reader();
    }

    private static Arguments broken(UnaryOperator<String> edit, String path, Kind kind) {
        String edited = edit.apply(COMPLAINT);
        if (edited.equals(COMPLAINT)) {
            throw new IllegalArgumentException("The edit for " + path + " " + kind + " changed nothing");
        }
        return Arguments.of(edited, path, kind);
    }

    /** revisit_ok (transitions[4]) taken by approval instead of its actors, with {@code approval} as given. */
    private static UnaryOperator<String> approval(String approval) {
        return s -> s.replace("\"label\": {\"zh\": \"回访满意，关闭\", \"en\": \"Revisit done, close\"},\n"
                + "      \"actors\": {\"roles\": [\"STAFF\", \"MANAGER\"], \"notUserFields\": [\"handler\"]},",
                "\"label\": {\"zh\": \"回访满意，关闭\", \"en\": \"Revisit done, close\"},\n      \"approval\": "
                        + approval + ",");
    }

    /** A well-formed approval of two seats; {@code extra} goes first in it. */
    private static String seats(String extra) {
        return "{" + extra + " \"approvers\": [{\"roles\": [\"MANAGER\"], \"notUserFields\": [\"handler\"]}, "
                + "{\"roles\": [\"ADMIN\"], \"notCreator\": true}], \"kind\": \"revisit_sign\", "
                + "\"title\": {\"zh\": \"会签回访\", \"en\": \"Co-sign the revisit\"}}";
    }

    @Test
    void aWellFormedApprovalReads() {
        WorkflowDefinition read = reader.read("complaint_handling.json",
                approval(seats("\"mode\": \"any\", \"count\": 2,")).apply(COMPLAINT));
        Approval approval = read.transition("revisit_ok").orElseThrow().approval();
        assertThat(approval.mode()).isEqualTo(Approval.Mode.ANY);
        assertThat(approval.needed()).isEqualTo(2);
        assertThat(approval.approvers()).hasSize(2);
        assertThat(approval.approvers().get(1).notCreator()).isTrue();
        assertThat(read.transition("revisit_ok").orElseThrow().actors()).isEqualTo(ActorRule.ANYONE);
    }

    static List<Arguments> cases() {
        String manyStates = IntStream.range(0, 51)
                .mapToObj(i -> "{\"id\": \"s" + i + "\", \"label\": {\"zh\": \"x\", \"en\": \"x\"}}")
                .collect(Collectors.joining(", ", "\"states\": [", "],"));
        return List.of(
                broken(s -> s.substring(0, 100), "$", Kind.SYNTAX),
                broken(s -> s.replace("\"form\": \"feedback\",", "\"form\": \"feedback\", \"form\": \"x\","), "$",
                        Kind.SYNTAX),
                broken(s -> " ".repeat(WorkflowReader.MAX_CHARS) + s, "$", Kind.TOO_LARGE),
                broken(s -> "[" + s + "]", "$", Kind.NOT_OBJECT),
                broken(s -> s.replace("\"statusField\"", "\"statusFeld\""), "$.statusFeld", Kind.UNKNOWN_KEY),
                broken(s -> s.replace("\"id\": \"complaint_handling\"", "\"id\": \"Complaint Handling\""), "$.id",
                        Kind.BAD_ID),
                broken(s -> s.replace("\"label\": {\"zh\": \"投诉处理\", \"en\": \"Complaint handling\"},", ""),
                        "$.label", Kind.MISSING),
                broken(s -> s.replace("\"en\": \"Complaint handling\"", "\"en\": \"\""), "$.label.en", Kind.NOT_TEXT),
                broken(s -> s.replace("\"color\": \"blue\"", "\"color\": \"#00f\""), "$.states[0].color",
                        Kind.BAD_CHOICE),
                broken(s -> s.replace("\"initial\": true", "\"initial\": \"yes\""), "$.states[0].initial",
                        Kind.NOT_BOOLEAN),
                broken(s -> s.replace("\"PT4H\"", "\"4 hours\""), "$.states[0].sla.within", Kind.BAD_DURATION),
                broken(s -> s.replace("\"PT48H\"", "\"P400D\""), "$.states[1].sla.within", Kind.BAD_DURATION),
                broken(s -> s.replace("\"PT1H\"", "\"-PT1H\""), "$.states[0].sla.remindBefore", Kind.BAD_DURATION),
                broken(s -> s.replace("[\"notifyManager\"]", "[\"fireEveryone\"]"), "$.states[0].sla.onBreach[0]",
                        Kind.BAD_CHOICE),
                broken(s -> s.replace("\"id\": \"revisit_ok\"", "\"id\": \"resolve\""), "$.transitions[4].id",
                        Kind.DUPLICATE_ID),
                broken(s -> s.replace("\"from\": [\"new\"]", "\"from\": []"), "$.transitions[0].from", Kind.MISSING),
                broken(s -> s.replace("\"comment\": \"required\",\n      \"actions\"", "\"comment\": \"always\",\n      \"actions\""),
                        "$.transitions[1].comment", Kind.BAD_CHOICE),
                broken(s -> s.replace("[\"STAFF\", \"MANAGER\"]}", "[\"STAFF\", \"ROOT\"]}"),
                        "$.transitions[0].actors.roles[1]", Kind.BAD_CHOICE),
                broken(s -> s.replace("\"type\": \"setField\", \"field\": \"handler\"", "\"type\": \"setFeld\", \"field\": \"handler\""),
                        "$.transitions[0].actions[0].type", Kind.BAD_CHOICE),
                broken(s -> s.replace("\"due\": \"P3D\"", "\"due\": \"P3D\", \"priority\": \"high\""),
                        "$.transitions[1].actions[0].priority", Kind.UNKNOWN_KEY),
                broken(s -> s.replaceFirst("\"states\": \\[", manyStates.replace("],", "], \"x\": [")),
                        "$.states", Kind.TOO_MANY),
                broken(s -> s.replace("\"form\": \"feedback\"", "\"form\": \"complaints\""), "$.form",
                        Kind.UNKNOWN_FORM),
                broken(s -> s.replace("\"statusField\": \"status\"", "\"statusField\": \"state\""), "$.statusField",
                        Kind.UNKNOWN_FIELD),
                broken(s -> s.replace("\"statusField\": \"status\"", "\"statusField\": \"severity\""),
                        "$.states[0].id", Kind.STATE_NOT_AN_OPTION),
                broken(s -> s.replace("\"statusField\": \"status\"", "\"statusField\": \"description\""),
                        "$.statusField", Kind.NOT_A_STATUS_FIELD),
                broken(s -> s.replace("\"id\": \"closed\"", "\"id\": \"archived\""), "$.statusField",
                        Kind.OPTION_WITHOUT_STATE),
                broken(s -> s.replace("\"initial\": true", "\"initial\": false"), "$.states", Kind.INITIAL_COUNT),
                broken(s -> s.replace("\"from\": [\"resolved\"], \"to\": \"closed\"",
                        "\"from\": [\"resolved\", \"closed\"], \"to\": \"closed\""), "$.transitions[4].from",
                        Kind.TERMINAL_HAS_EXIT),
                broken(s -> s.replace("\"to\": \"closed\"", "\"to\": \"resolved\""), "$.states[4]",
                        Kind.UNREACHABLE_STATE),
                broken(s -> s.replace("\"to\": \"resolved\"", "\"to\": \"done\""), "$.transitions[1].to",
                        Kind.UNKNOWN_STATE),
                broken(s -> s.replace("\"userFields\": [\"handler\"], \"roles\"", "\"userFields\": [\"customer\"], \"roles\""),
                        "$.transitions[1].actors.userFields", Kind.NOT_A_USER_FIELD),
                broken(s -> s.replace("[\"handler\"]},\n          \"due\"", "[\"handlr\"]},\n          \"due\""),
                        "$.transitions[1].actions[0].assignee.notUserFields", Kind.UNKNOWN_FIELD),
                broken(s -> s.replace("\"field\": \"first_response_at\"", "\"field\": \"status\""),
                        "$.transitions[0].actions[1].field", Kind.STATUS_SET_BY_ACTION),
                broken(s -> s.replace("\"comment\": \"required\",\n      \"actions\"",
                        "\"comment\": \"required\", \"guard\": \"record.severity == BROKEN(\",\n      \"actions\""),
                        "$.transitions[1].guard", Kind.SCRIPT),
                broken(s -> s.replace("\"calendar\": \"cn-mainland\"", "\"calendar\": \"hk\""), "$.calendar",
                        Kind.UNKNOWN_CALENDAR),
                broken(s -> s.replace("\"transitions\": [", "\"timers\": [{\"id\": \"auto\", \"state\": \"new\", "
                        + "\"after\": \"P1D\", \"transition\": \"resolve\"}],\n  \"transitions\": ["), "$.timers[0].transition",
                        Kind.TIMER_NOT_FROM_STATE),
                broken(s -> s.replace("\"transitions\": [", "\"timers\": [{\"id\": \"auto\", \"state\": \"new\", "
                        + "\"after\": \"P1D\", \"transition\": \"escalate\"}],\n  \"transitions\": ["), "$.timers[0].transition",
                        Kind.UNKNOWN_TRANSITION),
                broken(s -> s.replace("{\"type\": \"notify\"", "{\"type\": \"startWorkflow\", \"workflow\": "
                        + "\"complaint_handling\"}, {\"type\": \"notify\""), "$.transitions[5].actions[1].workflow",
                        Kind.UNKNOWN_WORKFLOW),
                broken(s -> s.replace("{\"type\": \"notify\"", "{\"type\": \"createRecord\", \"form\": \"interaction\", "
                        + "\"values\": {\"no_such_field\": \"record.customer\"}}, {\"type\": \"notify\""),
                        "$.transitions[5].actions[1].values", Kind.UNKNOWN_FIELD),
                broken(s -> s.replace("\"plugin\": \"survey\"", "\"plugin\": \"Survey Plugin\""),
                        "$.transitions[1].actions[1].plugin", Kind.BAD_ID),
                broken(s -> s.replace("\"action\": \"send_link\"", "\"action\": \"send link\""),
                        "$.transitions[1].actions[1].action", Kind.BAD_ID),
                broken(s -> s.replace("\"days\": \"14\"", "\"days\": 14"),
                        "$.transitions[1].actions[1].params.days", Kind.NOT_TEXT),
                broken(approval(seats("\"mode\": \"most\",")), "$.transitions[4].approval.mode", Kind.BAD_CHOICE),
                broken(approval(seats("")), "$.transitions[4].approval.mode", Kind.MISSING),
                broken(approval("{\"mode\": \"all\", \"approvers\": [], \"kind\": \"k\", "
                        + "\"title\": {\"zh\": \"会签\", \"en\": \"Sign\"}}"), "$.transitions[4].approval.approvers",
                        Kind.MISSING),
                broken(approval(seats("\"mode\": \"any\", \"count\": 3,")), "$.transitions[4].approval.count",
                        Kind.BAD_COUNT),
                broken(approval(seats("\"mode\": \"any\", \"count\": \"two\",")),
                        "$.transitions[4].approval.count", Kind.BAD_COUNT),
                broken(approval(seats("\"mode\": \"all\", \"count\": 2,")), "$.transitions[4].approval.count",
                        Kind.COUNT_WITH_ALL),
                broken(approval(seats("\"mode\": \"all\", \"quorum\": 2,")), "$.transitions[4].approval.quorum",
                        Kind.UNKNOWN_KEY),
                broken(approval(seats("\"mode\": \"all\",").replace("\"kind\": \"revisit_sign\", ", "")),
                        "$.transitions[4].approval.kind", Kind.MISSING),
                broken(approval(seats("\"mode\": \"all\",").replace("\"ADMIN\"], \"notCreator\"",
                        "\"ADMIN\"], \"userFields\": [\"customer\"], \"notCreator\"")),
                        "$.transitions[4].approval.approvers[1].userFields", Kind.NOT_A_USER_FIELD),
                broken(approval(seats("\"mode\": \"all\",") + ", \"actors\": {\"roles\": [\"STAFF\"]}"),
                        "$.transitions[4].actors", Kind.APPROVAL_WITH_ACTORS),
                broken(s -> s.replace("\"actors\": {\"roles\": [\"STAFF\", \"MANAGER\"]},\n      \"actions\"",
                        "\"approval\": " + seats("\"mode\": \"any\",") + ",\n      \"actions\""),
                        "$.transitions[0].from", Kind.APPROVAL_FROM_INITIAL),
                broken(s -> approval(seats("\"mode\": \"all\",")).apply(s).replace(
                        "\"label\": {\"zh\": \"回访不满意，重新处理\", \"en\": \"Customer not satisfied, reopen\"},\n"
                                + "      \"actors\": {\"roles\": [\"STAFF\", \"MANAGER\"], \"notUserFields\": [\"handler\"]},",
                        "\"label\": {\"zh\": \"回访不满意，重新处理\", \"en\": \"Customer not satisfied, reopen\"},\n"
                                + "      \"approval\": " + seats("\"mode\": \"any\",") + ","),
                        "$.transitions[5].approval.kind", Kind.DUPLICATE_ID));
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("cases")
    void refusedAtItsPlaceInBothLanguages(String json, String path, Kind kind) {
        WorkflowException refused = catchThrowableOfType(WorkflowException.class,
                () -> reader.read("complaint_handling.json", json));
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.problems()).extracting(WorkflowProblem::jsonPath, WorkflowProblem::kind)
                .contains(tuple(path, kind));
        WorkflowProblem problem = refused.problems().stream().filter(p -> p.kind() == kind).findFirst().orElseThrow();
        assertThat(problem.message(Locale.ENGLISH)).isNotBlank().doesNotContainPattern("\\p{IsHan}");
        assertThat(problem.message(Locale.SIMPLIFIED_CHINESE)).containsPattern("\\p{IsHan}");
    }

    @Test
    void everyProblemOfOnePassIsReportedAtOnce() {
        String json = COMPLAINT.replace("\"color\": \"blue\"", "\"color\": \"pink\"")
                .replace("\"PT48H\"", "\"two days\"").replace("\"to\": \"resolved\"", "\"to\": \"Resolved\"");
        WorkflowException refused = catchThrowableOfType(WorkflowException.class, () -> reader.read("c.json", json));
        assertThat(refused.problems()).extracting(WorkflowProblem::kind)
                .containsExactly(Kind.BAD_CHOICE, Kind.BAD_DURATION, Kind.BAD_ID);
        assertThat(refused.describe(Locale.SIMPLIFIED_CHINESE)).contains("$.states[0].color：“pink”不是可选值之一");
    }
}
