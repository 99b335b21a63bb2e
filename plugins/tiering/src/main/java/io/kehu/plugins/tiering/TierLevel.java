package io.kehu.plugins.tiering;

import io.kehu.sdk.LocalText;
import java.util.regex.Pattern;

/**
 * One level of a scheme.
 *
 * @param code the value written to the customer's level field, e.g. {@code KEY}
 * @param name its name in both languages
 * @param colour a CSS colour such as {@code #c0392b}
 */
public record TierLevel(String code, LocalText name, String colour) {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    public TierLevel {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("A level code is letters, digits and _: '" + code + "'");
        }
        if (colour == null || !COLOUR.matcher(colour).matches()) {
            throw new IllegalArgumentException("Level " + code + ": the colour is #rrggbb, not '" + colour + "'");
        }
    }
}
