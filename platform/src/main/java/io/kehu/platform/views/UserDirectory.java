package io.kehu.platform.views;

import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The accounts of the platform as a view needs them: display names for user ids (a list shows 李强, not 3) and the
 * choices of user pickers. Read once per view: a team has tens or hundreds of users, not millions.
 */
final class UserDirectory {

    private final List<UserAccount> accounts;
    private final Map<Long, UserAccount> byId;

    UserDirectory(UserAccounts store) {
        this.accounts = store.findAll();
        this.byId = accounts.stream().collect(Collectors.toMap(UserAccount::id, Function.identity()));
    }

    /** The display name of user {@code id}; the number itself for an account that no longer exists. */
    String name(Long id) {
        if (id == null) {
            return "";
        }
        UserAccount account = byId.get(id);
        return account == null ? "#" + id : account.displayName();
    }

    /** The account signing in as {@code username}, if it exists. */
    java.util.Optional<UserAccount> byUsername(String username) {
        return accounts.stream().filter(a -> a.username().equals(username)).findFirst();
    }

    UserAccount account(Long id) {
        return id == null ? null : byId.get(id);
    }

    /** Accounts that may sign in, by sign-in name: what a user picker offers. */
    List<UserAccount> choices() {
        return accounts.stream().filter(UserAccount::enabled).toList();
    }
}
