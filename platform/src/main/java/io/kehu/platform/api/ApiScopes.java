package io.kehu.platform.api;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a token may do, on top of what its user may do (a scope never grants more than the user's roles): read and/or
 * write all forms ({@code read:*}, {@code write:*}) or single forms ({@code read:customer}). Writing includes reading.
 *
 * @param grants the scope strings, e.g. {@code read:*}, {@code write:customer}
 */
public record ApiScopes(Set<String> grants) {

    private static final Pattern GRANT = Pattern.compile("(read|write):(\\*|[a-z][a-z0-9_]{0,62})");

    public static final ApiScopes READ_ALL = new ApiScopes(Set.of("read:*"));
    public static final ApiScopes ALL = new ApiScopes(Set.of("read:*", "write:*"));

    public ApiScopes {
        grants = Set.copyOf(grants);
        if (grants.isEmpty()) {
            throw new IllegalArgumentException("A token needs at least one scope");
        }
        for (String g : grants) {
            if (!GRANT.matcher(g).matches()) {
                throw new IllegalArgumentException("Not a scope: " + g + " (read:* / write:* / read:<form>)");
            }
        }
    }

    /** Parses the stored, comma-separated form. */
    public static ApiScopes parse(String stored) {
        return new ApiScopes(Arrays.stream(stored.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    /** The stored form, sorted so that equal scopes store equally. */
    public String format() {
        return grants.stream().sorted().collect(Collectors.joining(","));
    }

    public boolean mayRead(String formId) {
        return mayWrite(formId) || grants.contains("read:*") || grants.contains("read:" + formId);
    }

    public boolean mayWrite(String formId) {
        return grants.contains("write:*") || grants.contains("write:" + formId);
    }
}
