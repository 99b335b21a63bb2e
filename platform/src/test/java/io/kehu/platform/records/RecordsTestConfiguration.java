package io.kehu.platform.records;

import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.LocalizedText;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;

/**
 * The beans the record tests add: the in-memory catalog (primary, so it wins over the real one once that exists), a
 * rules bean (primary, so it wins over the Groovy rules engine) that computes {@code total = employees × score} and refuses the name "FORBIDDEN", a guard that refuses
 * writes to one chosen form, and an event listener that fails for another chosen form.
 */
@TestConfiguration(proxyBeanMethods = false)
class RecordsTestConfiguration {

    /** The form whose writes the guard refuses, and the form whose Saved events make the listener throw. */
    static final AtomicReference<String> REFUSED_FORM = new AtomicReference<>();
    static final AtomicReference<String> FAILING_LISTENER_FORM = new AtomicReference<>();

    @Bean
    @Primary
    TestFormCatalog testFormCatalog(DSLContext dsl) {
        return new TestFormCatalog(dsl);
    }

    @Bean
    @Primary
    RecordRules totalRules() {
        return new RecordRules() {
            @Override
            public List<FieldError> validate(FormDefinition form, Map<String, Object> values,
                                             Optional<Record> old, io.kehu.platform.security.Actor actor) {
                return "FORBIDDEN".equals(values.get("name"))
                        ? List.of(new FieldError("name", "rule", LocalizedText.of("名称不允许", "Name not allowed")))
                        : List.of();
            }

            @Override
            public Map<String, Object> compute(FormDefinition form, Map<String, Object> values) {
                if (form.field("total").isEmpty() || values.get("employees") == null
                        || values.get("score") == null) {
                    return Map.of();
                }
                return Map.of("total", BigDecimal.valueOf((Long) values.get("employees"))
                        .multiply((BigDecimal) values.get("score")));
            }
        };
    }

    @Bean
    RecordGuard refusingGuard() {
        return change -> change.form().id().equals(REFUSED_FORM.get())
                ? Optional.of(LocalizedText.of("本月已结账", "The month is closed"))
                : Optional.empty();
    }

    /** The form {@link #watchingGuard()} watches, and what it was asked about. */
    static final AtomicReference<String> WATCHED_FORM = new AtomicReference<>();
    static final List<RecordChange> WATCHED_CHANGES = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A guard that only ever looks at one form, and says so: bulk writes to other forms do not ask it. */
    @Bean
    RecordGuard watchingGuard() {
        return new RecordGuard() {
            @Override
            public Optional<LocalizedText> check(RecordChange change) {
                if (!change.form().id().equals(WATCHED_FORM.get())) {
                    return Optional.empty();
                }
                WATCHED_CHANGES.add(change);
                return Optional.empty();
            }

            @Override
            public boolean watches(FormDefinition form) {
                return form.id().equals(WATCHED_FORM.get());
            }
        };
    }

    /** The list columns {@link #testListColumns()} contributes (none unless a test adds some). */
    static final List<ContributedColumn> LIST_COLUMNS = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Contributed list columns as the plugin host would give them: whatever {@link #LIST_COLUMNS} holds now. */
    @Bean
    ContributedColumns testListColumns() {
        return formId -> LIST_COLUMNS.stream().filter(c -> c.formId().equals(formId)).toList();
    }

    @Bean
    FailingListener failingListener() {
        return new FailingListener();
    }

    /** Throws after the rows are written, to show that the whole write is undone. */
    static class FailingListener {

        @EventListener
        void onSaved(RecordEvents.Saved saved) {
            if (saved.formId().equals(FAILING_LISTENER_FORM.get())) {
                throw new IllegalStateException("listener failed for " + saved.formId());
            }
        }
    }
}
