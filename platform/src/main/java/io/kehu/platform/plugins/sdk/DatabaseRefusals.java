package io.kehu.platform.plugins.sdk;

import io.kehu.platform.records.DatabaseRefusal;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.records.RecordException;

/**
 * Turns what the database refused under concurrency into the SDK's {@link RecordException}s, so a plugin can tell
 * "already there" from "lost a race, try again" without seeing JDBC or Spring types. The write checks find a taken
 * unique value before the insert; the unique index catches the writer that checked at the same moment.
 */
public final class DatabaseRefusals {

    private DatabaseRefusals() {
    }

    /** The SDK refusal for {@code e}, or {@code e} itself when it is not a refusal a plugin can act on. */
    static RuntimeException translated(RuntimeException e) {
        return switch (DatabaseRefusal.of(e)) {
            case DUPLICATE -> new RecordException(RecordException.Reason.DUPLICATE, LocalText.of(
                    "该值已被占用，不能重复", "A unique value is already taken: " + rootMessage(e)));
            case CONFLICT -> new RecordException(RecordException.Reason.CONFLICT, LocalText.of(
                    "同一记录刚被另一次保存抢先修改，请重试", "Another write to the same record came first; retry: " + rootMessage(e)));
            case OTHER -> e;
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }
}
