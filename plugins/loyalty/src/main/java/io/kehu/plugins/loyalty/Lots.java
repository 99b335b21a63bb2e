package io.kehu.plugins.loyalty;

import io.kehu.sdk.records.RecordData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A customer's points as lots: every positive entry is a lot with its expiry date; every negative entry (redeem,
 * expire, reverse, negative adjustment) uses up lots, the soonest-expiring (then oldest) first. Computed from the
 * entries each time, so nothing mutable is stored beside the append-only ledger.
 */
public final class Lots {

    private Lots() {
    }

    /**
     * One lot and what is left of it.
     *
     * @param entryId the positive entry that made the lot
     * @param points the lot's original points
     * @param remaining what is not used up yet
     * @param expiresOn when it expires; null = never
     */
    public record Lot(long entryId, long points, long remaining, LocalDate expiresOn) {
    }

    /** The lots of one customer's {@code entries}, soonest expiry first, with what remains of each. */
    public static List<Lot> of(List<RecordData> entries) {
        List<RecordData> positive = new ArrayList<>();
        long used = 0;
        for (RecordData e : entries) {
            long points = Ledger.number(e.get("points"));
            if (points > 0) {
                positive.add(e);
            } else {
                used -= points;
            }
        }
        positive.sort(Comparator.comparing((RecordData e) -> (LocalDate) e.get("expires_on"),
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparingLong(RecordData::id));
        List<Lot> lots = new ArrayList<>();
        for (RecordData e : positive) {
            long points = Ledger.number(e.get("points"));
            long take = Math.min(points, used);
            used -= take;
            lots.add(new Lot(e.id(), points, points - take, (LocalDate) e.get("expires_on")));
        }
        return lots;
    }

    /** Points of lots that expire from {@code from} to {@code to} (both included) and are not used up. */
    public static long expiringBetween(List<Lot> lots, LocalDate from, LocalDate to) {
        return lots.stream().filter(l -> l.expiresOn() != null && !l.expiresOn().isBefore(from)
                && !l.expiresOn().isAfter(to)).mapToLong(Lot::remaining).sum();
    }
}
