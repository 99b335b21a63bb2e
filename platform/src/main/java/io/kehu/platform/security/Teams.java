package io.kehu.platform.security;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who reports to whom ({@code kehu_user.manager_id}, migration V26, kept by {@link UserAccounts}). Each account may have one manager — an enabled
 * account with the MANAGER or ADMIN role — and a manager's team is everyone reporting to them directly or through
 * another manager. Only administrators change it (the 用户与团队 screen). The whole table is read per question: a
 * company has tens or hundreds of accounts, not millions.
 */
@Service
public class Teams {

    private final UserAccounts accounts;

    Teams(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /** The manager {@code userId} reports to, if one is set. */
    public Optional<Long> managerOf(long userId) {
        return accounts.managerId(userId);
    }

    /** The enabled manager {@code userId} reports to: whom their escalations go to. */
    public Optional<Long> enabledManagerOf(long userId) {
        return managerOf(userId).flatMap(accounts::findById).filter(UserAccount::enabled).map(UserAccount::id);
    }

    /** Every account's manager (accounts without one are absent). */
    public Map<Long, Long> managers() {
        return accounts.managerIds();
    }

    /** Everyone reporting to {@code managerId}, directly or through another manager; not the manager. */
    public Set<Long> members(long managerId) {
        Map<Long, List<Long>> reports = new HashMap<>();
        managers().forEach((user, manager) -> reports.computeIfAbsent(manager, m -> new java.util.ArrayList<>())
                .add(user));
        Set<Long> team = new LinkedHashSet<>();
        Deque<Long> next = new ArrayDeque<>(List.of(managerId));
        while (!next.isEmpty()) {
            for (Long report : reports.getOrDefault(next.pop(), List.of())) {
                if (report != managerId && team.add(report)) {
                    next.push(report);
                }
            }
        }
        return team;
    }

    /**
     * Sets (or, with null, clears) the manager {@code userId} reports to.
     *
     * @throws AccessRefusedException when {@code admin} is no administrator
     * @throws TeamChangeRefusedException when the choice would not make a team, with why
     */
    @Transactional
    public void assign(Actor admin, long userId, Long managerId) {
        if (!admin.hasRole(Role.ADMIN)) {
            throw new AccessRefusedException("只有管理员可以设置经理", "Only administrators may set managers");
        }
        UserAccount user = accounts.findById(userId).orElseThrow(() -> new TeamChangeRefusedException(
                "该账号不存在", "There is no such account"));
        if (managerId != null) {
            UserAccount manager = accounts.findById(managerId).orElseThrow(() -> new TeamChangeRefusedException(
                    "所选经理的账号不存在", "The chosen manager's account does not exist"));
            if (manager.id() == user.id()) {
                throw new TeamChangeRefusedException("不能把“" + user.displayName() + "”设为自己的经理",
                        user.displayName() + " cannot be their own manager");
            }
            if (!manager.hasRole(Role.MANAGER) && !manager.hasRole(Role.ADMIN)) {
                throw new TeamChangeRefusedException("“" + manager.displayName() + "”不是经理或管理员，不能带团队",
                        manager.displayName() + " is neither a manager nor an administrator, so cannot lead a team");
            }
            if (!manager.enabled()) {
                throw new TeamChangeRefusedException("“" + manager.displayName() + "”的账号已停用",
                        manager.displayName() + "'s account is disabled");
            }
            if (reportsTo(managerId, userId)) {
                throw new TeamChangeRefusedException("“" + manager.displayName() + "”本身向“" + user.displayName()
                        + "”汇报，不能反过来做其经理", manager.displayName() + " reports to " + user.displayName()
                        + ", so cannot be their manager");
            }
        }
        accounts.saveManager(userId, managerId);
    }

    /** Whether {@code userId} reports to {@code managerId}, directly or not. */
    private boolean reportsTo(long userId, long managerId) {
        Map<Long, Long> managers = managers();
        Set<Long> seen = new HashSet<>();
        for (Long up = managers.get(userId); up != null && seen.add(up); up = managers.get(up)) {
            if (up == managerId) {
                return true;
            }
        }
        return false;
    }
}
