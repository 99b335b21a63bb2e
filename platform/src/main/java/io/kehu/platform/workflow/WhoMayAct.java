package io.kehu.platform.workflow;

import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccount;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Decides an {@link ActorRule} for one user and one record, the same way for the buttons a screen shows, the server's
 * check when the transition is taken, and the choice of whom a task goes to — so the UI can never offer what the
 * server refuses. The platform itself (timers, imports) always qualifies: its moves are scheduled by the definition.
 */
public final class WhoMayAct {

    /** Why a user may or may not act; screens explain refusals with it. */
    public enum Reason {
        /** One of the rule's positive parts names the user, or the rule names nobody and the user may write. */
        QUALIFIES,
        /** The platform itself. */
        SYSTEM,
        /** None of the roles, not the owner, not in any of the named user fields. */
        NOT_NAMED,
        /** The user is held by a field the rule excludes, e.g. the handler of a complaint for its revisit. */
        EXCLUDED_BY_FIELD,
        /** The user created the record and the rule excludes its creator. */
        EXCLUDED_AS_CREATOR,
        /** The rule's extra condition does not hold for this record. */
        CONDITION_FALSE
    }

    /**
     * The outcome.
     *
     * @param reason why
     * @param field the field that excluded the user ({@link Reason#EXCLUDED_BY_FIELD}), else null
     */
    public record Decision(Reason reason, String field) {

        public boolean allowed() {
            return reason == Reason.QUALIFIES || reason == Reason.SYSTEM;
        }
    }

    /**
     * What the rule looks at in a record.
     *
     * @param value a field's stored value by field id (user fields hold user ids)
     * @param ownerField the form's owner field, or null
     * @param createdBy who created the record, or null (the platform)
     * @param condition whether a {@code when} condition holds for the record (the rule sandbox evaluates it)
     */
    public record RecordFacts(Function<String, Object> value, String ownerField, Long createdBy,
            Predicate<String> condition) {
    }

    private WhoMayAct() {
    }

    /** Whether {@code actor} may act on the record under {@code rule}, and why. */
    public static Decision decide(ActorRule rule, Actor actor, RecordFacts record) {
        if (actor.isSystem()) {
            return new Decision(Reason.SYSTEM, null);
        }
        if (rule.namesWhoQualifies() && !named(rule, actor, record)) {
            return new Decision(Reason.NOT_NAMED, null);
        }
        for (String field : rule.notUserFields()) {
            if (actor.userId().equals(record.value().apply(field))) {
                return new Decision(Reason.EXCLUDED_BY_FIELD, field);
            }
        }
        if (rule.notCreator() && actor.userId().equals(record.createdBy())) {
            return new Decision(Reason.EXCLUDED_AS_CREATOR, null);
        }
        if (rule.when() != null && !record.condition().test(rule.when())) {
            return new Decision(Reason.CONDITION_FALSE, null);
        }
        return new Decision(Reason.QUALIFIES, null);
    }

    /**
     * The first of {@code candidates} the rule allows (callers order them, e.g. fewest open tasks first), or empty
     * when nobody qualifies — then the task goes to a manager with a visible warning.
     */
    public static Optional<UserAccount> assignee(ActorRule rule, RecordFacts record, List<UserAccount> candidates) {
        return candidates.stream().filter(UserAccount::enabled)
                .filter(user -> decide(rule, Actor.of(user), record).allowed())
                .findFirst();
    }

    private static boolean named(ActorRule rule, Actor actor, RecordFacts record) {
        if (rule.roles().stream().anyMatch(actor::hasRole)) {
            return true;
        }
        if (rule.owner() && record.ownerField() != null
                && Objects.equals(actor.userId(), record.value().apply(record.ownerField()))) {
            return true;
        }
        return rule.userFields().stream().anyMatch(field -> actor.userId().equals(record.value().apply(field)));
    }
}
