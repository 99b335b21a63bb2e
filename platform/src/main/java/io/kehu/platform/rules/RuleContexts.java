package io.kehu.platform.rules;

import io.kehu.platform.calendar.BusinessCalendar;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.Records;
import io.kehu.platform.rules.script.RuleContext;
import io.kehu.platform.rules.script.RuleRecord;
import io.kehu.platform.rules.script.RuleUser;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Builds what a rule sees from a write: the record after and before the change, the user, the date and time, the
 * related-records reader and the plugins' function sets. Only facade objects reach the script, never the actor,
 * the record store or Spring.
 */
final class RuleContexts {

    private final Supplier<Records> records;
    private final Supplier<FormCatalog> catalog;
    private final Map<String, Object> functions;
    private final Clock clock;
    private final Supplier<BusinessCalendar> calendar;

    RuleContexts(Supplier<Records> records, Supplier<FormCatalog> catalog, Map<String, Object> functions,
                 Clock clock, Supplier<BusinessCalendar> calendar) {
        this.calendar = calendar;
        this.records = records;
        this.catalog = catalog;
        this.functions = Map.copyOf(functions);
        this.clock = clock;
    }

    RuleContext of(FormDefinition form, Map<String, ?> values, Optional<Record> old, Actor actor) {
        Long id = old.map(Record::id).orElse(null);
        RuleRecord before = old.map(r -> new RuleRecord(r.id(), r.values().asMap())).orElse(RuleRecord.EMPTY);
        return of(form, new RuleRecord(id, values), before, actor);
    }

    RuleContext of(FormDefinition form, RuleRecord record, RuleRecord old, Actor actor) {
        RuleUser user = new RuleUser(actor.userId(), actor.username(),
                actor.roles().stream().map(Role::name).collect(Collectors.toSet()));
        return new RuleContext(record, old, user, LocalDate.now(clock), OffsetDateTime.now(clock),
                new RelatedQuery(records, catalog, form.id(), actor), functions, calendar.get());
    }
}
