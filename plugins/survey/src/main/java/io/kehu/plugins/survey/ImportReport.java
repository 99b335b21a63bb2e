package io.kehu.plugins.survey;

import io.kehu.sdk.LocalText;
import java.util.ArrayList;
import java.util.List;

/**
 * What a SurveyJS import kept: every element is listed once as mapped (kept as it was meant), approximated (kept,
 * but not exactly: e.g. a 1–7 scale becomes 1–5, a panel's frame is dropped) or dropped (not imported), with why,
 * in both languages, so the admin can decide whether the survey is usable.
 */
public final class ImportReport {

    public enum Outcome {
        MAPPED(LocalText.of("已对应", "Mapped")),
        APPROXIMATED(LocalText.of("近似导入", "Approximated")),
        DROPPED(LocalText.of("未导入", "Dropped"));

        private final LocalText label;

        Outcome(LocalText label) {
            this.label = label;
        }

        public LocalText label() {
            return label;
        }
    }

    /** One line of the report: which element (its SurveyJS name or a description), what happened, why. */
    public record Item(String element, Outcome outcome, LocalText note) {
    }

    private final List<Item> items = new ArrayList<>();

    void add(String element, Outcome outcome, String zh, String en) {
        items.add(new Item(element, outcome, LocalText.of(zh, en)));
    }

    public List<Item> items() {
        return List.copyOf(items);
    }

    public long count(Outcome outcome) {
        return items.stream().filter(i -> i.outcome() == outcome).count();
    }
}
