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
}
