package io.kehu.platform.plugins.sdk;

import io.kehu.platform.records.BatchCancelledException;
import io.kehu.platform.records.BulkRecords;
import io.kehu.platform.records.RecordAggregation;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.security.Actor;
import io.kehu.sdk.records.AggregateRow;
import io.kehu.sdk.records.BatchResult;
import io.kehu.sdk.records.BatchWrite;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.Measure;
import io.kehu.sdk.records.RecordAggregate;
import io.kehu.sdk.records.RecordBatch;
import io.kehu.sdk.records.RecordException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The SDK's aggregates and bulk writes ({@link RecordAggregate}, {@link BatchWrite}) over {@link BulkRecords}, acting
 * as the actor of the {@link SdkRecords} they come from.
 */
public final class SdkBulk {

    /** What may follow "for" in an audit name: a user name, no control characters, short. */
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,60}");

    private SdkBulk() {
    }

    /** An aggregate under construction. */
    static final class Aggregate implements RecordAggregate {
        private static final int LIST_LIMIT = 10_000;

        private final BulkRecords bulk;
        private final Supplier<Actor> actor;
        private RecordAggregation aggregation;

        Aggregate(BulkRecords bulk, Supplier<Actor> actor, String formId) {
            this.bulk = bulk;
            this.actor = actor;
            this.aggregation = RecordAggregation.of(formId);
        }

        @Override
        public RecordAggregate where(String fieldId, FilterOperator operator, Object... values) {
            aggregation = aggregation.where(RecordQuery.Filter.of(fieldId,
                    RecordQuery.Operator.valueOf(operator.name()), values));
            return this;
        }

        @Override
        public RecordAggregate groupBy(String... fieldIds) {
            for (String id : fieldIds) {
                aggregation = aggregation.groupBy(id);
            }
            return this;
        }

        @Override
        public RecordAggregate count() {
            return measure(RecordAggregation.Function.COUNT, null);
        }

        @Override
        public RecordAggregate countWhere(String name, String fieldId, FilterOperator operator, Object... values) {
            // The short form of a named count measure with one filter: read with AggregateRow.count(name).
            return measure(Measure.count(name).where(fieldId, operator, values));
        }

        @Override
        public RecordAggregate sum(String fieldId) {
            return measure(RecordAggregation.Function.SUM, fieldId);
        }

        @Override
        public RecordAggregate avg(String fieldId) {
            return measure(RecordAggregation.Function.AVG, fieldId);
        }

        @Override
        public RecordAggregate min(String fieldId) {
            return measure(RecordAggregation.Function.MIN, fieldId);
        }

        @Override
        public RecordAggregate max(String fieldId) {
            return measure(RecordAggregation.Function.MAX, fieldId);
        }

        private RecordAggregate measure(RecordAggregation.Function function, String fieldId) {
            aggregation = aggregation.measure(function, fieldId);
            return this;
        }

        @Override
        public RecordAggregate measure(Measure measure) {
            java.util.Objects.requireNonNull(measure, "measure");
            if (aggregation.measures().stream().anyMatch(m -> m.key().equals(measure.name()))) {
                throw new RecordException(RecordException.Reason.INVALID, "Two measures are named "
                        + measure.name());
            }
            List<RecordQuery.Filter> filters = measure.filters().stream().map(f -> RecordQuery.Filter.of(f.fieldId(),
                    RecordQuery.Operator.valueOf(f.operator().name()), f.values().toArray())).toList();
            aggregation = aggregation.measure(new RecordAggregation.Measure(
                    RecordAggregation.Function.valueOf(measure.function().name()), measure.fieldId(), null, filters,
                    measure.name()));
            return this;
        }

        @Override
        public void forEach(Consumer<AggregateRow> each) {
            SdkRecords.translated(() -> {
                bulk.aggregate(actor.get(), aggregation, row -> each.accept(new AggregateRow(row.groups(),
                        row.measures())));
                return null;
            });
        }

        @Override
        public List<AggregateRow> list() {
            List<AggregateRow> rows = new ArrayList<>();
            forEach(row -> {
                if (rows.size() == LIST_LIMIT) {
                    throw new RecordException(RecordException.Reason.INVALID, "More than " + LIST_LIMIT
                            + " groups: use forEach to stream them");
                }
                rows.add(row);
            });
            return rows;
        }
    }

    /** A bulk write under construction. */
    static final class Write implements BatchWrite {
        private final BulkRecords bulk;
        private final Supplier<Actor> actor;
        private LongConsumer progress = n -> { };
        private BooleanSupplier cancelled = () -> false;
        private String onBehalfOf;
        private boolean uniqueByIndex;

        Write(BulkRecords bulk, Supplier<Actor> actor) {
            this.bulk = bulk;
            this.actor = actor;
        }

        @Override
        public BatchWrite onProgress(LongConsumer written) {
            this.progress = written == null ? n -> { } : written;
            return this;
        }

        @Override
        public BatchWrite cancelWhen(BooleanSupplier cancelled) {
            this.cancelled = cancelled == null ? () -> false : cancelled;
            return this;
        }

        @Override
        public BatchWrite onBehalfOf(String username) {
            if (username != null && !USERNAME.matcher(username).matches()) {
                throw new RecordException(RecordException.Reason.INVALID, "Not a user name: " + username);
            }
            this.onBehalfOf = username;
            return this;
        }

        @Override
        public BatchWrite uniqueByIndex() {
            this.uniqueByIndex = true;
            return this;
        }

        @Override
        public BatchResult run(Consumer<RecordBatch> work) {
            Actor writer = writer();
            return SdkRecords.translated(() -> {
                try {
                    BulkRecords.Outcome outcome = bulk.batch(writer, new BulkRecords.Options(progress, cancelled,
                            false, false, null, null, uniqueByIndex), batch -> work.accept(
                            new RecordBatch() {
                                @Override
                                public void create(String formId, Map<String, ?> values) {
                                    batch.create(formId, SdkValues.toPlatform(values));
                                }

                                @Override
                                public void update(String formId, long id, int rowVersion, Map<String, ?> changes) {
                                    batch.update(formId, id, rowVersion, SdkValues.toPlatform(changes));
                                }
                            }));
                    return new BatchResult(outcome.created(), outcome.updated(), outcome.unchanged());
                } catch (BatchCancelledException e) {
                    throw new RecordException(RecordException.Reason.CANCELLED, e.getMessage());
                }
            });
        }

        private Actor writer() {
            Actor base = actor.get();
            if (onBehalfOf == null) {
                return base;
            }
            if (!base.isSystem()) {
                throw new RecordException(RecordException.Reason.DENIED,
                        "onBehalfOf is for the plugin's own records(), not for a user's");
            }
            return Actor.system(base.username() + " for " + onBehalfOf);
        }
    }
}
