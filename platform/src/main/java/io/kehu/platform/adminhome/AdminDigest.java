package io.kehu.platform.adminhome;

import io.kehu.platform.records.ListedCount;
import java.time.Instant;
import java.util.List;

/**
 * What the start page shows, already in the administrator's language: no ids, codes or JSON.
 *
 * @param customers how many customers there are, as the customer list counts them; {@code null} without a customer
 *     form
 * @param openComplaints complaints not yet closed
 * @param openTasks everybody's open workflow tasks
 * @param plugins every installed plugin
 * @param attention what needs looking at, most urgent first
 * @param changes the latest saves, newest first
 */
record AdminDigest(ListedCount customers, long openComplaints, int openTasks, List<PluginLine> plugins,
                   List<Attention> attention, List<Change> changes) {

    /** A plugin: its name, version and state in words; {@code failed} shows it in red. */
    record PluginLine(String name, String version, String state, boolean failed) {
    }

    /** Something to look at, and the page where it is dealt with. */
    record Attention(String text, String route) {
    }

    /**
     * One save of a record: who, when, what they did ("修改了"), the form and record, the fields changed (labels), and
     * the record's route (null once deleted).
     */
    record Change(String who, Instant at, String action, String what, String fields, String route) {
    }
}
