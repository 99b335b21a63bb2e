package io.kehu.platform.rules;

/**
 * A rule that does not compile, or that the sandbox refuses, with where the problem is. The definition reader shows
 * it next to the form and field; the rule console shows line and column.
 */
public class RuleCompileException extends RuntimeException {

    private final int line;
    private final int column;
    private final String reason;

    public RuleCompileException(int line, int column, String reason) {
        super("line " + line + ", column " + column + ": " + reason);
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** 1-based line in the script, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column in the script, or 0 when unknown. */
    public int column() {
        return column;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }
}
