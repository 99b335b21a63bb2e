package io.kehu.platform.workflow;

import io.kehu.platform.security.Role;
import java.util.List;
import java.util.Set;

/**
 * Who may take a transition or receive a task. A user qualifies when any of the positive parts matches — one of
 * {@code roles}, the record's owner when {@code owner} is set, the user held by one of {@code userFields} — or, when no
 * positive part is given, anyone who may write the record. The negative parts then exclude: the users held by
 * {@code notUserFields} (e.g. the complaint's handler may not do its revisit) and, with {@code notCreator}, whoever
 * created the record. Finally {@code when}, a Groovy condition in the rule sandbox, must hold if given.
 *
 * @param roles roles that qualify
 * @param owner whether the record's owner qualifies
 * @param userFields user fields of the record whose holder qualifies
 * @param notUserFields user fields of the record whose holder never qualifies
 * @param notCreator whether the record's creator never qualifies
 * @param when an extra condition, or null
 */
public record ActorRule(Set<Role> roles, boolean owner, List<String> userFields, List<String> notUserFields,
        boolean notCreator, String when) {

    /** Anyone who may write the record. */
    public static final ActorRule ANYONE = new ActorRule(Set.of(), false, List.of(), List.of(), false, null);

    public ActorRule {
        roles = Set.copyOf(roles);
        userFields = List.copyOf(userFields);
        notUserFields = List.copyOf(notUserFields);
    }

    /** Whether the rule names who qualifies (otherwise every writer does). */
    public boolean namesWhoQualifies() {
        return !roles.isEmpty() || owner || !userFields.isEmpty();
    }
}
