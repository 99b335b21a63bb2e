package io.kehu.platform.rules.script;

/** A rule went past one of the sandbox's limits; {@link #kind()} says which one, for messages and tests. */
public final class RuleLimitException extends RuntimeException {

    /** Which limit a rule went past. */
    public enum Kind {
        /** It ran longer than the rule timeout. */
        TIME,
        /** It built a text longer than {@link RuleLimits#MAX_TEXT} characters, or converted an overlong text. */
        TEXT,
        /** A decimal outside the allowed magnitude, scale or digits. */
        NUMBER,
        /** A list or map literal holding more than {@link RuleLimits#MAX_ELEMENTS} values, nested ones counted. */
        COLLECTION,
        /** More related records than a rule may read, or a helper called outside its range. */
        OTHER
    }

    private final Kind kind;

    public RuleLimitException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public RuleLimitException(String message) {
        this(Kind.OTHER, message);
    }

    public Kind kind() {
        return kind;
    }
}
