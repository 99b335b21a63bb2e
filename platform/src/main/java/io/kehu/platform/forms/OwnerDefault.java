package io.kehu.platform.forms;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Who a new record's owner field ({@code ownerField}) starts as in the record view, from the definition's
 * {@code ownerDefault}: the user creating it (the default: a record nobody owns is invisible to every STAFF user), or
 * nobody, for forms whose records are handed out later (e.g. leads from a pool).
 */
public enum OwnerDefault {
    /** The user who creates the record. */
    CREATOR,
    /** Nobody: the owner is chosen by hand. */
    NONE;

    /** The JSON value, e.g. {@code creator}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value written in a definition ({@code creator} or {@code none}), or empty for anything else. */
    public static Optional<OwnerDefault> fromJson(String value) {
        return Arrays.stream(values()).filter(v -> v.json().equals(value)).findFirst();
    }
}
