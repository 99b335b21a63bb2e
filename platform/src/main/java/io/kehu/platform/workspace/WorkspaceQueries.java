package io.kehu.platform.workspace;

import static io.kehu.platform.workspace.WorkspaceForms.*;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldOption;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.records.BulkRecords;
import io.kehu.platform.records.Money;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordAggregation;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.RecordQuery.Filter;
import io.kehu.platform.records.RecordQuery.Operator;
import io.kehu.platform.records.RecordQuery.Sort;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.timeline.RecordDates;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Reads one user's {@link WorkspaceData} through {@link Records} and {@link BulkRecords} with that user's
 * {@link Actor}: about ten small indexed queries, each a page or a count, never a scan of everything.
 */
final class WorkspaceQueries {

    static final int SHOWN = 8;

    private final Records records;
    private final BulkRecords bulk;
    private final FormCatalog catalog;
    private final Actor actor;
    private final Locale locale;
    private final ZoneId zone;
    private final UnaryOperator<String> texts;
    private final Map<Long, String> customerNames = new HashMap<>();

    WorkspaceQueries(Records records, BulkRecords bulk, FormCatalog catalog, Actor actor, Locale locale, ZoneId zone,
                     UnaryOperator<String> texts) {
        this.records = records;
        this.bulk = bulk;
        this.catalog = catalog;
        this.actor = actor;
        this.locale = locale;
        this.zone = zone;
        this.texts = texts;
    }

    WorkspaceData read(LocalDate today) {
        List<WorkspaceData.FollowUp> due = followUps(today);
        List<WorkspaceData.Complaint> complaints = complaints();
        Map<List<String>, Long> complaintCounts = complaintCounts();
        return new WorkspaceData(myCustomers(), actor.limitedToOwnRecords(),
                due.stream().filter(f -> f.due().equals(today)).toList(),
                due.stream().filter(f -> f.due().isBefore(today)).toList(),
                recent(today), complaints, openComplaints(complaintCounts), complaintMix(complaintCounts), creatable());
    }

    /** How many of the complaints the user sees are open (as {@link #read} counts them). */
    long openComplaints() {
        return openComplaints(complaintCounts());
    }

    /** Customers whose account manager is the user (STAFF see no others anyway). */
    private long myCustomers() {
        if (readable(CUSTOMER, CUSTOMER_OWNER).isEmpty() || actor.userId() == null) {
            return -1;
        }
        return count(RecordAggregation.of(CUSTOMER)
                .where(Filter.of(CUSTOMER_OWNER, Operator.EQUALS, actor.userId())));
    }

    /**
     * Interactions whose next follow-up date is today or past, for the user's customers, without those already
     * followed up: a later interaction with the same customer on or after the date settles it.
     */
    private List<WorkspaceData.FollowUp> followUps(LocalDate today) {
        if (readable(INTERACTION, NEXT_FOLLOW_UP).isEmpty() || readable(INTERACTION, INTERACTION_CUSTOMER).isEmpty()
                || actor.userId() == null) {
            return List.of();
        }
        RecordQuery query = RecordQuery.of(INTERACTION)
                .where(Filter.of(NEXT_FOLLOW_UP, Operator.LESS_OR_EQUAL, today))
                .sortBy(Sort.asc(NEXT_FOLLOW_UP))
                .limit(WorkspaceData.CAP);
        if (!actor.limitedToOwnRecords()) {
            // Managers and admins may read every customer; their home shows the customers they manage themselves.
            List<Long> mine = myCustomerIds();
            if (mine.isEmpty()) {
                return List.of();
            }
            query = query.where(new Filter(INTERACTION_CUSTOMER, Operator.IN, new ArrayList<>(mine)));
        }
        List<Record> candidates = records.query(actor, query);
        Set<Long> settled = settled(candidates);
        List<Record> open = candidates.stream().filter(r -> !settled.contains(r.id())).toList();
        names(open.stream().map(r -> (Long) r.get(INTERACTION_CUSTOMER)).toList());
        return open.stream().map(r -> new WorkspaceData.FollowUp(r.id(), (Long) r.get(INTERACTION_CUSTOMER),
                customerName((Long) r.get(INTERACTION_CUSTOMER)), (LocalDate) r.get(NEXT_FOLLOW_UP),
                Objects.toString(r.get(titleField(INTERACTION)), ""))).toList();
    }

    /** The candidates that a later interaction with the same customer already followed up. */
    private Set<Long> settled(List<Record> candidates) {
        if (candidates.isEmpty() || readable(INTERACTION, OCCURRED_AT).isEmpty()) {
            return Set.of();
        }
        Set<Long> customers = new LinkedHashSet<>();
        candidates.forEach(r -> customers.add((Long) r.get(INTERACTION_CUSTOMER)));
        LocalDate earliest = candidates.stream().map(r -> (LocalDate) r.get(NEXT_FOLLOW_UP))
                .min(Comparator.naturalOrder()).orElseThrow();
        List<Record> later = records.query(actor, RecordQuery.of(INTERACTION)
                .where(new Filter(INTERACTION_CUSTOMER, Operator.IN, new ArrayList<>(customers)))
                .where(Filter.of(OCCURRED_AT, Operator.GREATER_OR_EQUAL, earliest.atStartOfDay(zone)
                        .toOffsetDateTime()))
                .limit(RecordQuery.MAX_LIMIT));
        Set<Long> settled = new LinkedHashSet<>();
        for (Record candidate : candidates) {
            LocalDate due = (LocalDate) candidate.get(NEXT_FOLLOW_UP);
            for (Record r : later) {
                if (r.id() != candidate.id() && r.get(INTERACTION_CUSTOMER).equals(candidate.get(INTERACTION_CUSTOMER))
                        && r.get(OCCURRED_AT) instanceof OffsetDateTime at
                        && !at.atZoneSameInstant(zone).toLocalDate().isBefore(due)) {
                    settled.add(candidate.id());
                    break;
                }
            }
        }
        return settled;
    }

    private Set<String> creatable() {
        Set<String> forms = new LinkedHashSet<>();
        for (String formId : List.of(CUSTOMER, INTERACTION)) {
            catalog.published(formId).filter(f -> actor.isSystem() || f.access().mayWrite(actor.roles()))
                    .ifPresent(f -> forms.add(formId));
        }
        return forms;
    }

    private List<Long> myCustomerIds() {
        return records.query(actor, RecordQuery.of(CUSTOMER)
                        .where(Filter.of(CUSTOMER_OWNER, Operator.EQUALS, actor.userId()))
                        .limit(RecordQuery.MAX_LIMIT))
                .stream().map(Record::id).toList();
    }

    /** The latest records of each activity form, merged newest first; nothing dated in the future. */
    private List<WorkspaceData.Activity> recent(LocalDate today) {
        List<WorkspaceData.Activity> all = new ArrayList<>();
        for (String formId : ACTIVITY) {
            Optional<FormDefinition> form = catalog.published(formId).filter(this::mayRead);
            if (form.isEmpty()) {
                continue;
            }
            FormDefinition f = form.get();
            Optional<FieldDefinition> date = RecordDates.dateField(f).filter(this::mayRead);
            RecordQuery query = RecordQuery.of(formId)
                    .sortBy(Sort.desc(date.map(FieldDefinition::id).orElse(FormTables.CREATED_AT))).limit(SHOWN);
            if (date.isPresent()) {
                Object upTo = date.get().type() == FieldType.DATE ? today
                        : today.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
                query = query.where(Filter.of(date.get().id(), date.get().type() == FieldType.DATE
                        ? Operator.LESS_OR_EQUAL : Operator.LESS, upTo));
            }
            List<Record> rows = records.query(actor, query);
            names(rows.stream().map(r -> r.get(INTERACTION_CUSTOMER) instanceof Long id ? id : null).toList());
            for (Record r : rows) {
                Instant at = date.map(d -> RecordDates.instant(r.get(d.id()), zone)).orElse(null);
                if (at == null) {
                    at = r.createdAt().toInstant();
                }
                Long customer = r.get(INTERACTION_CUSTOMER) instanceof Long id ? id : null;
                all.add(new WorkspaceData.Activity(formId, f.label().in(locale), r.id(), customer,
                        customer == null ? "" : customerName(customer), at,
                        date.map(d -> d.type() == FieldType.DATE).orElse(false), describe(f, r)));
            }
        }
        all.sort(Comparator.comparing(WorkspaceData.Activity::at).reversed()
                .thenComparing(Comparator.comparingLong(WorkspaceData.Activity::id).reversed()));
        return all.stream().limit(SHOWN).toList();
    }

    /** "电话 · 沟通了报价" / "办公椅 · ¥1,200.00": the first choice field, the title and any amount. */
    private String describe(FormDefinition form, Record r) {
        List<String> parts = new ArrayList<>();
        form.fields().stream().filter(f -> f.type() == FieldType.SELECT && mayRead(f) && r.get(f.id()) != null)
                .findFirst().ifPresent(f -> parts.add(option(f, r.get(f.id()))));
        if (form.titleField() != null && r.get(form.titleField()) != null) {
            parts.add(r.get(form.titleField()).toString());
        }
        form.fields().stream().filter(f -> f.type() == FieldType.MONEY && mayRead(f) && r.get(f.id()) != null)
                .findFirst().ifPresent(f -> parts.add(money((Money) r.get(f.id()))));
        return String.join(" · ", parts);
    }

    private List<WorkspaceData.Complaint> complaints() {
        Optional<List<Object>> open = openStatuses();
        if (open.isEmpty()) {
            return List.of();
        }
        FormDefinition form = catalog.published(FEEDBACK).orElseThrow();
        Optional<FieldDefinition> date = RecordDates.dateField(form).filter(this::mayRead);
        List<Record> rows = records.query(actor, RecordQuery.of(FEEDBACK)
                .where(Filter.of(FEEDBACK_TYPE, Operator.EQUALS, COMPLAINT))
                .where(new Filter(FEEDBACK_STATUS, Operator.IN, open.get()))
                .sortBy(Sort.desc(date.map(FieldDefinition::id).orElse(FormTables.CREATED_AT)))
                .limit(SHOWN));
        names(rows.stream().map(r -> r.get(INTERACTION_CUSTOMER) instanceof Long id ? id : null).toList());
        FieldDefinition status = form.field(FEEDBACK_STATUS).orElseThrow();
        Optional<FieldDefinition> severity = form.field(SEVERITY).filter(this::mayRead);
        return rows.stream().map(r -> {
            Long customer = r.get(INTERACTION_CUSTOMER) instanceof Long id ? id : null;
            Instant at = date.map(d -> RecordDates.instant(r.get(d.id()), zone)).orElse(r.createdAt().toInstant());
            return new WorkspaceData.Complaint(r.id(), customer, customer == null ? "" : customerName(customer),
                    severity.map(s -> option(s, r.get(s.id()))).orElse(""), option(status, r.get(FEEDBACK_STATUS)),
                    form.titleField() == null ? "" : Objects.toString(r.get(form.titleField()), ""), at);
        }).toList();
    }

    /**
     * Every complaint the user may read counted by (status value, severity value) in one query — the severity is ""
     * when the user may not read it; empty when the feedback form or its fields cannot be read. The open count and the
     * chart both come from it.
     */
    private Map<List<String>, Long> complaintCounts() {
        if (readable(FEEDBACK, FEEDBACK_TYPE).isEmpty() || readable(FEEDBACK, FEEDBACK_STATUS).isEmpty()) {
            return Map.of();
        }
        RecordAggregation counts = RecordAggregation.of(FEEDBACK)
                .where(Filter.of(FEEDBACK_TYPE, Operator.EQUALS, COMPLAINT)).groupBy(FEEDBACK_STATUS);
        if (readable(FEEDBACK, SEVERITY).isPresent()) {
            counts = counts.groupBy(SEVERITY);
        }
        Map<List<String>, Long> found = new HashMap<>();
        bulk.aggregate(actor, counts.measure(RecordAggregation.Function.COUNT, null), row -> found.merge(
                List.of(Objects.toString(row.groups().get(FEEDBACK_STATUS), ""),
                        Objects.toString(row.groups().get(SEVERITY), "")),
                ((Number) row.measures().get("count")).longValue(), Long::sum));
        return found;
    }

    /** The counts by status and severity, labelled in the user's language, in the options' order. */
    private List<WorkspaceData.ComplaintCount> complaintMix(Map<List<String>, Long> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        FormDefinition form = catalog.published(FEEDBACK).orElseThrow();
        FieldDefinition status = form.field(FEEDBACK_STATUS).orElseThrow();
        Optional<FieldDefinition> severity = form.field(SEVERITY).filter(this::mayRead);
        List<String> severities = severity.map(s -> s.options().stream().map(FieldOption::value).toList())
                .orElse(List.of(""));
        List<WorkspaceData.ComplaintCount> mix = new ArrayList<>();
        for (FieldOption state : status.options()) {
            for (String level : severities) {
                long n = found.getOrDefault(List.of(state.value(), level), 0L);
                if (n > 0) {
                    mix.add(new WorkspaceData.ComplaintCount(option(status, state.value()),
                            severity.map(s -> option(s, level)).orElse(""), n));
                }
            }
        }
        return mix;
    }

    /** How many of the counted complaints are in a status that is not finished. */
    private long openComplaints(Map<List<String>, Long> found) {
        return openStatuses().map(open -> found.entrySet().stream()
                .filter(e -> open.contains(e.getKey().getFirst()))
                .mapToLong(Map.Entry::getValue).sum()).orElse(0L);
    }

    /** The status options that are not finished, when the feedback form and its fields can be read. */
    private Optional<List<Object>> openStatuses() {
        if (readable(FEEDBACK, FEEDBACK_TYPE).isEmpty()) {
            return Optional.empty();
        }
        return readable(FEEDBACK, FEEDBACK_STATUS).map(status -> status.options().stream()
                .map(FieldOption::value).filter(v -> !FINISHED.contains(v)).<Object>map(v -> v).toList())
                .filter(l -> !l.isEmpty());
    }

    private long count(RecordAggregation aggregation) {
        AtomicLong total = new AtomicLong();
        bulk.aggregate(actor, aggregation.measure(RecordAggregation.Function.COUNT, null),
                row -> total.addAndGet(((Number) row.measures().get("count")).longValue()));
        return total.get();
    }

    /** Looks up the names of {@code ids} in one query (those not known yet). */
    private void names(Collection<Long> ids) {
        List<Object> missing = ids.stream().filter(Objects::nonNull).filter(id -> !customerNames.containsKey(id))
                .distinct().<Object>map(id -> id).toList();
        Optional<FormDefinition> customers = catalog.published(CUSTOMER).filter(this::mayRead);
        if (missing.isEmpty() || customers.isEmpty()) {
            return;
        }
        String title = customers.get().titleField();
        for (int from = 0; from < missing.size(); from += RecordQuery.MAX_LIMIT) {
            List<Object> chunk = missing.subList(from, Math.min(missing.size(), from + RecordQuery.MAX_LIMIT));
            for (Record r : records.query(actor, RecordQuery.of(CUSTOMER)
                    .where(new Filter(FormTables.ID, Operator.IN, new ArrayList<>(chunk))).limit(chunk.size()))) {
                customerNames.put(r.id(), title == null ? "" : Objects.toString(r.get(title), ""));
            }
        }
    }

    /** The customer's name; for one the user may not open, a neutral text instead of its number. */
    private String customerName(Long id) {
        String name = customerNames.get(id);
        return name == null || name.isEmpty() ? texts.apply("workspace.hiddenCustomer") : name;
    }

    private Optional<FieldDefinition> readable(String formId, String fieldId) {
        return catalog.published(formId).filter(this::mayRead).flatMap(f -> f.field(fieldId)).filter(this::mayRead);
    }

    private String titleField(String formId) {
        return catalog.published(formId).map(FormDefinition::titleField).orElse(FormTables.ID);
    }

    private boolean mayRead(FormDefinition form) {
        return actor.isSystem() || form.access().mayRead(actor.roles());
    }

    private boolean mayRead(FieldDefinition field) {
        return actor.isSystem() || field.access().mayRead(actor.roles());
    }

    private String option(FieldDefinition field, Object value) {
        if (value == null) {
            return "";
        }
        return field.option(value.toString()).map(FieldOption::label).filter(l -> !l.isEmpty())
                .map(l -> l.in(locale)).orElse(value.toString());
    }

    private String money(Money money) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        try {
            format.setCurrency(java.util.Currency.getInstance(money.currency()));
        } catch (IllegalArgumentException unknownCurrency) {
            return money.amount().setScale(2, java.math.RoundingMode.HALF_UP) + " " + money.currency();
        }
        return format.format(money.amount() == null ? BigDecimal.ZERO : money.amount());
    }
}
