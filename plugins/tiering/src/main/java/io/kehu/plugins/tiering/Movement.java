package io.kehu.plugins.tiering;

import io.kehu.sdk.LocalText;

/** Where a customer goes in an evaluation. */
public enum Movement {
    UP(LocalText.of("升级", "Up")),
    DOWN(LocalText.of("降级", "Down")),
    STAY(LocalText.of("不变", "Stays")),
    /** First level: the customer had none (or one the scheme does not know). */
    NEW(LocalText.of("新定级", "First level"));

    private final LocalText label;

    Movement(LocalText label) {
        this.label = label;
    }

    public LocalText label() {
        return label;
    }

    static Movement of(TierScheme scheme, String from, String to) {
        int before = scheme.rank(from);
        int after = scheme.rank(to);
        if (before < 0) {
            return NEW;
        }
        return after < before ? UP : after > before ? DOWN : STAY;
    }
}
