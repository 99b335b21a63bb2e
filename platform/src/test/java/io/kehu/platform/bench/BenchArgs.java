package io.kehu.platform.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --key=value} arguments of a bench command. */
record BenchArgs(Map<String, String> values) {

    static BenchArgs parse(String[] argv) {
        Map<String, String> values = new HashMap<>();
        for (String arg : argv) {
            for (String part : arg.trim().split("\\s+")) {
                if (part.startsWith("--") && part.contains("=")) {
                    values.put(part.substring(2, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
                } else if (!part.isBlank()) {
                    throw new IllegalArgumentException("Expected --key=value, got: " + part);
                }
            }
        }
        return new BenchArgs(values);
    }

    String db() {
        String db = value("db", "h2");
        if (!db.equals("h2") && !db.equals("postgres")) {
            throw new IllegalArgumentException("--db must be h2 or postgres, not " + db);
        }
        return db;
    }

    String value(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    int intValue(String key, int fallback) {
        return values.containsKey(key) ? Integer.parseInt(values.get(key).replace("_", "")) : fallback;
    }
}
