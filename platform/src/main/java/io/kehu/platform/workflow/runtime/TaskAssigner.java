package io.kehu.platform.workflow.runtime;

import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.Teams;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.workflow.ActorRule;
import io.kehu.platform.workflow.WhoMayAct;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Picks who gets a task: among the enabled users, the one with the fewest open tasks whom the rule allows
 * ({@link WhoMayAct#assignee}); when nobody is eligible, the manager of the person responsible for the record (its
 * owner, else its creator — {@link Teams}), and when they have none the least busy manager (else administrator), each
 * with a warning the task shows — the work must land somewhere visible rather than nowhere.
 */
@Component
public class TaskAssigner {

    /**
     * The choice.
     *
     * @param userId who gets the task
     * @param warningCode why it is not an eligible user, or null
     */
    public record Choice(long userId, String warningCode) {
    }

    private final UserAccounts accounts;
    private final TaskStore tasks;
    private final Teams teams;

    TaskAssigner(UserAccounts accounts, TaskStore tasks, Teams teams) {
        this.accounts = accounts;
        this.tasks = tasks;
        this.teams = teams;
    }

    /** Every enabled user {@code rule} allows for the record {@code facts} describe (whom a notice goes to). */
    public Set<Long> everyone(ActorRule rule, WhoMayAct.RecordFacts facts) {
        Set<Long> users = new LinkedHashSet<>();
        for (UserAccount user : accounts.findAll()) {
            if (user.enabled() && WhoMayAct.decide(rule, Actor.of(user), facts).allowed()) {
                users.add(user.id());
            }
        }
        return users;
    }

    /**
     * The user for a task under {@code rule} about the record {@code facts} describe, among everyone (no check that
     * they may read the record: callers that know the record use
     * {@link #choose(ActorRule, WhoMayAct.RecordFacts, Predicate, Set)}).
     */
    public Choice choose(ActorRule rule, WhoMayAct.RecordFacts facts) {
        return choose(rule, facts, user -> true, Set.of());
    }

    /**
     * The user for a task under {@code rule}: the least busy enabled user the rule allows who {@code mayRead} the
     * record — the check a hand-off makes too, so a task never lands with someone who cannot open its record — and
     * is not one of {@code taken} (the approvers already chosen for the other seats of a round); else the fallback.
     */
    public Choice choose(ActorRule rule, WhoMayAct.RecordFacts facts, Predicate<UserAccount> mayRead,
            Set<Long> taken) {
        Map<Long, Integer> open = tasks.openCounts();
        List<UserAccount> candidates = accounts.findAll().stream().filter(UserAccount::enabled)
                .sorted(Comparator.comparing((UserAccount u) -> open.getOrDefault(u.id(), 0))
                        .thenComparing(UserAccount::id))
                .toList();
        // The rule first (no database read), then whether the user can read the record (one read per candidate).
        Optional<UserAccount> eligible = candidates.stream().filter(u -> !taken.contains(u.id()))
                .filter(u -> WhoMayAct.decide(rule, Actor.of(u), facts).allowed())
                .filter(mayRead)
                .findFirst();
        if (eligible.isPresent()) {
            return new Choice(eligible.get().id(), null);
        }
        List<Long> responsible = new ArrayList<>();
        if (facts.ownerField() != null && facts.value().apply(facts.ownerField()) instanceof Number owner) {
            responsible.add(owner.longValue());
        }
        if (facts.createdBy() != null) {
            responsible.add(facts.createdBy());
        }
        Optional<Long> manager = managerOf(responsible);
        if (manager.isPresent()) {
            return new Choice(manager.get(), TaskStore.NO_ELIGIBLE_ASSIGNEE);
        }
        UserAccount fallback = candidates.stream().filter(u -> u.hasRole(Role.MANAGER)).findFirst()
                .or(() -> candidates.stream().filter(u -> u.hasRole(Role.ADMIN)).findFirst())
                .orElseThrow(() -> new IllegalStateException("No enabled manager or administrator to give a task to"));
        return new Choice(fallback.id(), TaskStore.NO_ELIGIBLE_NO_MANAGER);
    }

    /**
     * The enabled manager of the first of {@code people} (in the order given: e.g. a task's assignee, the record's
     * owner, its creator) who has one: whom that person's escalations go to.
     */
    public Optional<Long> managerOf(Collection<Long> people) {
        for (Long person : people) {
            if (person != null) {
                Optional<Long> manager = teams.enabledManagerOf(person);
                if (manager.isPresent()) {
                    return manager;
                }
            }
        }
        return Optional.empty();
    }

    /** The enabled manager with the fewest open tasks (lowest id on a tie), if there is one: who escalations go to. */
    public Optional<Long> leastBusyManager() {
        Map<Long, Integer> open = tasks.openCounts();
        return accounts.findAll().stream().filter(UserAccount::enabled).filter(u -> u.hasRole(Role.MANAGER))
                .min(Comparator.comparing((UserAccount u) -> open.getOrDefault(u.id(), 0))
                        .thenComparing(UserAccount::id))
                .map(UserAccount::id);
    }

    /** Every enabled manager, whom missed deadlines are told to. */
    public Set<Long> managers() {
        Set<Long> managers = new LinkedHashSet<>();
        accounts.findAll().stream().filter(UserAccount::enabled).filter(u -> u.hasRole(Role.MANAGER))
                .forEach(u -> managers.add(u.id()));
        return managers;
    }
}
