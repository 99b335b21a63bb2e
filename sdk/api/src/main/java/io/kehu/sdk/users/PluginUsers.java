package io.kehu.sdk.users;

import java.util.List;
import java.util.Optional;

/**
 * The platform's users as a plugin needs them: a {@code user} field holds a user's id ({@code Long}), while the
 * signed-in user, tasks and notices go by user name, and screens show display names. Read-only; passwords and
 * sign-in data are never lent.
 *
 * <pre>{@code
 * Long me = context.users().byUsername(context.currentUsername().orElseThrow()).map(UserInfo::id).orElse(null);
 * List<RecordData> mine = context.records().search("service_visit").where("visitor", FilterOperator.EQUALS, me).list();
 * }</pre>
 */
public interface PluginUsers {

    /** The user with this id (enabled or not), e.g. to show a {@code user} field's value by name. */
    Optional<UserInfo> byId(long id);

    /** The user with this user name (enabled or not). */
    Optional<UserInfo> byUsername(String username);

    /** Every enabled user, by display name: the choices for assigning someone. */
    List<UserInfo> enabled();

    /**
     * The manager {@code userId} reports to, if one is set (administrators keep who reports to whom on the platform's
     * users screen; a manager's team is everyone reporting to them, directly or through another manager).
     */
    Optional<UserInfo> managerOf(long userId);

    /**
     * The team of {@code managerId}: every enabled user reporting to them, directly or through another manager (not
     * the manager), by display name; empty when nobody reports to them. E.g. to offer work assigned to a team to its
     * members, and to check on the server that whoever takes it belongs to the team.
     */
    List<UserInfo> team(long managerId);
}
