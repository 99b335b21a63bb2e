package io.kehu.platform.forms.reading;

import java.util.regex.Pattern;

/** Builds the JSON paths problems are reported at ({@code $.fields[3].type}), quoting keys that are not plain names. */
public final class JsonPaths {

    public static final String ROOT = "$";
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private JsonPaths() {
    }

    public static String key(String parent, String key) {
        if (PLAIN_KEY.matcher(key).matches()) {
            return parent + "." + key;
        }
        return parent + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    static String field(int index) {
        return index(key(ROOT, "fields"), index);
    }

    static String field(int index, String key) {
        return key(field(index), key);
    }
}
