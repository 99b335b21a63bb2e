package io.kehu.platform.plugins;

import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.records.ContributedColumn;
import io.kehu.platform.records.ContributedColumns;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.Records;
import io.kehu.sdk.ui.ListColumn;
import io.kehu.sdk.ui.ListColumnContribution;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The list columns of the running plugins ({@link ListColumnContribution}) for the record store, which joins them
 * into list queries. Read from the {@link PluginRegistry} at every ask, so a column comes with its plugin's start and
 * goes with its stop; a contribution that throws is reported on the Plugins screen and contributes nothing.
 */
@Component
class PluginListColumns implements ContributedColumns {

    private final PluginRegistry registry;

    PluginListColumns(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public List<ContributedColumn> columns(String formId) {
        List<ContributedColumn> columns = new ArrayList<>();
        for (PluginRegistry.Contribution<ListColumnContribution> c : registry.contributions(
                ListColumnContribution.class)) {
            try {
                for (ListColumn column : c.extension().columns()) {
                    if (formId.equals(column.targetFormId())) {
                        columns.add(toRecords(column, c.plugin().pluginId()));
                    }
                }
            } catch (RuntimeException | LinkageError e) {
                registry.reportError(c.plugin().pluginId(), c.extension().getClass().getName(), e);
            }
        }
        return columns;
    }

    static ContributedColumn toRecords(ListColumn column, String pluginId) {
        return new ContributedColumn(column.targetFormId(), column.columnId(),
                LocalizedText.of(column.label().zh(), column.label().en()), column.sourceFormId(),
                column.referenceFieldId(), column.valueFieldId(), column.onlyWhereFieldId(),
                column.latestByFieldId(), ContributedColumn.Kind.valueOf(column.kind().name()), column.decimals(),
                column.sortable(), column.filterOperators().stream()
                        .map(o -> RecordQuery.Operator.valueOf(o.name())).collect(java.util.stream.Collectors
                                .toCollection(() -> java.util.EnumSet.noneOf(RecordQuery.Operator.class))),
                pluginId);
    }

    /**
     * Refuses the columns of a starting plugin that do not fit the published forms (its own forms are published by
     * then), naming every problem: the plugin is FAILED with them rather than showing a list that breaks.
     */
    static void check(Records records, String pluginId, List<ListColumnContribution> contributions) {
        List<String> problems = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ListColumnContribution contribution : contributions) {
            for (ListColumn column : contribution.columns()) {
                if (!seen.add(column.targetFormId() + "." + column.columnId())) {
                    problems.add(column.columnId() + ": added twice to form " + column.targetFormId());
                    continue;
                }
                records.listColumnProblems(toRecords(column, pluginId))
                        .forEach(p -> problems.add(column.columnId() + ": " + p));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("A list column does not fit:\n" + String.join("\n", problems));
        }
    }
}
