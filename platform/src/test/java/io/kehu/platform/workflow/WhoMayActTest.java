package io.kehu.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.workflow.WhoMayAct.Reason;
import io.kehu.platform.workflow.WhoMayAct.RecordFacts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Separation of duties on the shipped complaint workflow: the handler resolves, someone else does the revisit, the
 * revisit task never lands with the handler, and with nobody else eligible it lands nowhere (the caller warns).
 */
class WhoMayActTest {

    private static final UserAccount WANG = user(11, "wang", Role.STAFF);
    private static final UserAccount LI = user(12, "li", Role.STAFF);
    private static final UserAccount ZHAO = user(13, "zhao", Role.MANAGER);
    private static WorkflowDefinition complaint;

    private static UserAccount user(long id, String name, Role role) {
        return new UserAccount(id, name, name, "{noop}x", Set.of(role), Optional.empty(), true);
    }

    /** A complaint created by Li, handled by Wang, on a customer owned by Li. */
    private static RecordFacts complaintHandledByWang() {
        Map<String, Object> values = Map.of("handler", 11L, "severity", "high");
        return new RecordFacts(values::get, null, 12L, condition -> condition.contains("high"));
    }

    @BeforeAll
    static void read() {
        complaint = ShippedWorkflows.reader().read("complaint_handling.json",
                ShippedWorkflows.read(ShippedWorkflows.WORKFLOWS.resolve("complaint_handling.json")));
    }

    private static ActorRule actors(String transition) {
        return complaint.transition(transition).orElseThrow().actors();
    }

    @Test
    void theHandlerResolvesButMayNotDoTheRevisit() {
        assertThat(WhoMayAct.decide(actors("resolve"), Actor.of(WANG), complaintHandledByWang()).reason())
                .isEqualTo(Reason.QUALIFIES);
        WhoMayAct.Decision revisit = WhoMayAct.decide(actors("revisit_ok"), Actor.of(WANG), complaintHandledByWang());
        assertThat(revisit.allowed()).isFalse();
        assertThat(revisit.reason()).isEqualTo(Reason.EXCLUDED_BY_FIELD);
        assertThat(revisit.field()).isEqualTo("handler");
        assertThat(WhoMayAct.decide(actors("revisit_ok"), Actor.of(LI), complaintHandledByWang()).allowed()).isTrue();
    }

    @Test
    void anotherStaffMemberMayNotResolveSomeoneElsesComplaintButAManagerMay() {
        assertThat(WhoMayAct.decide(actors("resolve"), Actor.of(LI), complaintHandledByWang()).reason())
                .isEqualTo(Reason.NOT_NAMED);
        assertThat(WhoMayAct.decide(actors("resolve"), Actor.of(ZHAO), complaintHandledByWang()).allowed()).isTrue();
    }

    @Test
    void theRevisitTaskGoesToTheFirstEligibleUserNeverTheHandler() {
        ActorRule assignee = ((WorkflowAction.CreateTask) complaint.transition("resolve").orElseThrow().actions()
                .getFirst()).assignee();
        assertThat(WhoMayAct.assignee(assignee, complaintHandledByWang(), List.of(WANG, LI, ZHAO)))
                .contains(LI);
        assertThat(WhoMayAct.assignee(assignee, complaintHandledByWang(), List.of(WANG))).isEmpty();
        UserAccount disabledLi = new UserAccount(12, "li", "li", "{noop}x", Set.of(Role.STAFF), Optional.empty(),
                false);
        assertThat(WhoMayAct.assignee(assignee, complaintHandledByWang(), List.of(WANG, disabledLi, ZHAO)))
                .contains(ZHAO);
    }

    @Test
    void creatorOwnerAndConditionParts() {
        ActorRule notCreator = new ActorRule(Set.of(Role.STAFF), false, List.of(), List.of(), true, null);
        assertThat(WhoMayAct.decide(notCreator, Actor.of(LI), complaintHandledByWang()).reason())
                .isEqualTo(Reason.EXCLUDED_AS_CREATOR);
        ActorRule owner = new ActorRule(Set.of(), true, List.of(), List.of(), false, null);
        RecordFacts ownedByLi = new RecordFacts(Map.<String, Object>of("owner", 12L)::get, "owner", 11L, c -> true);
        assertThat(WhoMayAct.decide(owner, Actor.of(LI), ownedByLi).allowed()).isTrue();
        assertThat(WhoMayAct.decide(owner, Actor.of(WANG), ownedByLi).reason()).isEqualTo(Reason.NOT_NAMED);
        ActorRule onlyWhenCritical = new ActorRule(Set.of(), false, List.of(), List.of(), false,
                "record.severity == 'critical'");
        assertThat(WhoMayAct.decide(onlyWhenCritical, Actor.of(LI), complaintHandledByWang()).reason())
                .isEqualTo(Reason.CONDITION_FALSE);
        assertThat(WhoMayAct.decide(ActorRule.ANYONE, Actor.of(LI), complaintHandledByWang()).allowed()).isTrue();
    }

    @Test
    void thePlatformItselfMayTakeScheduledSteps() {
        assertThat(WhoMayAct.decide(actors("revisit_ok"), Actor.system("workflow-timer"), complaintHandledByWang())
                .reason()).isEqualTo(Reason.SYSTEM);
    }
}
