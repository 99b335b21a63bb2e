package io.kehu.platform.plugins.sdk;

import io.kehu.platform.security.Teams;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.sdk.users.PluginUsers;
import io.kehu.sdk.users.UserInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@link PluginUsers} over the platform's accounts and {@link Teams}: ids, names, roles and who reports to whom only,
 * never password or sign-in data.
 */
public final class SdkUsers implements PluginUsers {

    private final Supplier<UserAccounts> accounts;
    private final Supplier<Teams> teams;

    SdkUsers(Supplier<UserAccounts> accounts, Supplier<Teams> teams) {
        this.accounts = accounts;
        this.teams = teams;
    }

    @Override
    public Optional<UserInfo> byId(long id) {
        return accounts.get().findById(id).map(SdkUsers::info);
    }

    @Override
    public Optional<UserInfo> byUsername(String username) {
        return username == null ? Optional.empty() : accounts.get().findByUsername(username).map(SdkUsers::info);
    }

    @Override
    public List<UserInfo> enabled() {
        return accounts.get().findAll().stream().filter(UserAccount::enabled).map(SdkUsers::info)
                .sorted(Comparator.comparing(UserInfo::displayName)).toList();
    }

    @Override
    public Optional<UserInfo> managerOf(long userId) {
        return teams.get().managerOf(userId).flatMap(this::byId);
    }

    @Override
    public List<UserInfo> team(long managerId) {
        return teams.get().members(managerId).stream().map(accounts.get()::findById).flatMap(Optional::stream)
                .filter(UserAccount::enabled).map(SdkUsers::info).sorted(Comparator.comparing(UserInfo::displayName))
                .toList();
    }

    static UserInfo info(UserAccount account) {
        return new UserInfo(account.id(), account.username(), account.displayName(),
                account.roles().stream().map(Enum::name).collect(Collectors.toSet()),
                account.enabled());
    }
}
