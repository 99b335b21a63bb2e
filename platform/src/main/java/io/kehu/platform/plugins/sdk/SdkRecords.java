package io.kehu.platform.plugins.sdk;

import io.kehu.platform.records.BulkRecords;
import io.kehu.platform.records.RecordConflictException;
import io.kehu.platform.records.RecordNotFoundException;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.RecordRefusedException;
import io.kehu.platform.records.RecordValidationException;
import io.kehu.platform.records.Records;
import io.kehu.platform.records.SavedListViews;
import io.kehu.platform.security.AccessRefusedException;
import io.kehu.platform.security.Actor;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.records.BatchWrite;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.PluginRecords;
import io.kehu.sdk.records.RecordAggregate;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.records.RecordSearch;
import io.kehu.sdk.records.SavedViewInfo;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@link PluginRecords} over {@link Records}: the same write path as the UI, acting as the actor the supplier names
 * (the plugin itself, or the signed-in user). Platform exceptions become {@link RecordException}s.
 */
public final class SdkRecords implements PluginRecords {

    private final Records records;
    private final BulkRecords bulk;
    private final Supplier<Actor> actor;
    private final SavedListViews views;

    public SdkRecords(Records records, BulkRecords bulk, Supplier<Actor> actor, SavedListViews views) {
        this.records = records;
        this.bulk = bulk;
        this.actor = actor;
        this.views = views;
    }

    @Override
    public java.util.List<SavedViewInfo> savedViews(String formId) {
        return views.visibleTo(actor.get(), formId).stream()
                .map(v -> new SavedViewInfo(v.id(), v.name(), v.shared())).toList();
    }

    @Override
    public RecordData create(String formId, Map<String, ?> values) {
        return translated(() -> SdkValues.record(records.create(actor.get(), formId, SdkValues.toPlatform(values))));
    }

    @Override
    public RecordData update(String formId, long id, int rowVersion, Map<String, ?> changes) {
        return translated(() -> SdkValues.record(
                records.update(actor.get(), formId, id, rowVersion, SdkValues.toPlatform(changes))));
    }

    @Override
    public void delete(String formId, long id, int rowVersion) {
        translated(() -> {
            records.delete(actor.get(), formId, id, rowVersion);
            return null;
        });
    }

    @Override
    public Optional<RecordData> get(String formId, long id) {
        return translated(() -> records.get(actor.get(), formId, id).map(SdkValues::record));
    }

    @Override
    public RecordSearch search(String formId) {
        return new Search(RecordQuery.of(formId));
    }

    @Override
    public RecordAggregate aggregate(String formId) {
        return new SdkBulk.Aggregate(bulk, actor, formId);
    }

    @Override
    public BatchWrite batch() {
        return new SdkBulk.Write(bulk, actor);
    }

    /**
     * Runs {@code call}, turning the platform's refusals into {@link RecordException}s that carry their reason in both
     * languages ({@link RecordException#text()}), so a plugin's screen shows a veto, a validation error or a missing
     * permission in the user's language; the English text stays the exception's message (logs, earlier callers).
     */
    static <T> T translated(Supplier<T> call) {
        try {
            return call.get();
        } catch (RecordNotFoundException e) {
            throw new RecordException(RecordException.Reason.NOT_FOUND,
                    LocalText.of("记录不存在，或您无权查看", e.getMessage()));
        } catch (RecordValidationException e) {
            boolean onlyTaken = !e.errors().isEmpty() && e.errors().stream().allMatch(err -> "unique".equals(err.code()));
            throw new RecordException(onlyTaken ? RecordException.Reason.DUPLICATE : RecordException.Reason.INVALID,
                    LocalText.of(e.errors().stream()
                            .map(err -> err.message().in(Locale.SIMPLIFIED_CHINESE))
                            .collect(Collectors.joining("；")), e.errors().stream()
                            .map(err -> err.fieldId() + ": " + err.message().in(Locale.ENGLISH))
                            .collect(Collectors.joining("; "))));
        } catch (AccessRefusedException e) {
            throw new RecordException(RecordException.Reason.DENIED,
                    LocalText.of(e.message(Locale.SIMPLIFIED_CHINESE), e.getMessage()));
        } catch (RecordConflictException e) {
            throw new RecordException(RecordException.Reason.CONFLICT, LocalText.of(
                    "该记录刚被" + (e.lastSavedByName() == null ? "他人" : e.lastSavedByName()) + "修改，请重新打开后再试",
                    e.getMessage()));
        } catch (RecordRefusedException e) {
            throw new RecordException(RecordException.Reason.VETOED, SdkValues.text(e.text()));
        } catch (IllegalArgumentException e) {
            throw new RecordException(RecordException.Reason.INVALID, e.getMessage());
        } catch (RecordException e) {
            throw e;
        } catch (RuntimeException e) {
            throw DatabaseRefusals.translated(e);
        }
    }

    /** An immutable query under construction. */
    private final class Search implements RecordSearch {
        private RecordQuery query;
        private java.util.List<String> fields = java.util.List.of();

        Search(RecordQuery query) {
            this.query = query;
        }

        @Override
        public RecordSearch where(String fieldId, FilterOperator operator, Object... values) {
            query = query.where(RecordQuery.Filter.of(fieldId, RecordQuery.Operator.valueOf(operator.name()),
                    values));
            return this;
        }

        @Override
        public RecordSearch savedView(long viewId) {
            SavedListViews.Found view = views.find(actor.get(), query.formId(), viewId).orElseThrow(
                    () -> new RecordException(RecordException.Reason.NOT_FOUND, "No saved view " + viewId + " of "
                            + query.formId() + " for " + actor.get().username()));
            for (RecordQuery.Filter filter : view.filters()) {
                query = query.where(filter);
            }
            if (view.search() != null && !view.search().isBlank()) {
                query = query.search(view.search());
            }
            return this;
        }

        @Override
        public RecordSearch sortBy(String fieldId, boolean descending) {
            var sorts = new java.util.ArrayList<>(query.sorts());
            sorts.add(new RecordQuery.Sort(fieldId, descending));
            query = query.sortBy(sorts.toArray(RecordQuery.Sort[]::new));
            return this;
        }

        @Override
        public RecordSearch text(String search) {
            query = query.search(search);
            return this;
        }

        @Override
        public RecordSearch limit(int limit) {
            query = translated(() -> query.limit(limit));
            return this;
        }

        @Override
        public RecordSearch offset(int offset) {
            query = translated(() -> query.page(offset, query.limit()));
            return this;
        }

        @Override
        public RecordSearch fields(String... fieldIds) {
            fields = java.util.List.of(fieldIds);
            return this;
        }

        @Override
        public void forEach(java.util.function.Consumer<RecordData> each) {
            translated(() -> {
                bulk.forEach(actor.get(), query, fields, record -> each.accept(SdkValues.record(record)));
                return null;
            });
        }

        @Override
        public void forEachAtOnce(java.util.function.Consumer<RecordData> each) {
            translated(() -> {
                bulk.forEachAtOnce(actor.get(), query, fields, record -> each.accept(SdkValues.record(record)));
                return null;
            });
        }

        @Override
        public java.util.List<RecordData> list() {
            return translated(() -> records.query(actor.get(), query).stream().map(SdkValues::record)
                    .map(this::onlyChosenFields).toList());
        }

        private RecordData onlyChosenFields(RecordData data) {
            if (fields.isEmpty()) {
                return data;
            }
            Map<String, Object> chosen = new java.util.LinkedHashMap<>();
            data.values().forEach((k, v) -> {
                if (fields.contains(k)) {
                    chosen.put(k, v);
                }
            });
            return new RecordData(data.formId(), data.id(), data.rowVersion(), chosen);
        }
    }
}
