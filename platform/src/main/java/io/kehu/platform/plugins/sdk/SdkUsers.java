package io.kehu.platform.plugins.sdk;

import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.sdk.users.PluginUsers;
import io.kehu.sdk.users.UserInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** {@link PluginUsers} over the platform's accounts: ids, names and roles only, never password or sign-in data. */
public final class SdkUsers implements PluginUsers {

    private final Supplier<UserAccounts> accounts;

    SdkUsers(Supplier<UserAccounts> accounts) {
        this.accounts = accounts;
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

    static UserInfo info(UserAccount account) {
        return new UserInfo(account.id(), account.username(), account.displayName(),
                account.roles().stream().map(Enum::name).collect(Collectors.toSet()),
                account.enabled());
    }
}
