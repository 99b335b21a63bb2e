package io.kehu.platform.records;

import java.util.List;

/**
 * Where contributed list columns come from: a bean of another feature (the plugin host answers with the columns of
 * the plugins running now). Asked at every list query, so it must answer from memory.
 */
public interface ContributedColumns {

    /** The columns contributed to the list of {@code formId} now, in the order they are offered. */
    List<ContributedColumn> columns(String formId);
}
