package io.kehu.platform.dedupe;

import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.records.Record;
import java.util.List;

/** Stored records that are likely the same, the first the oldest, each later one with why it matches the first. */
public record DuplicateGroup(List<Record> records, List<LocalizedText> reasons) {
}
