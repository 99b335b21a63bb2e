package io.kehu.platform.support;

/** First-start passwords used by the tests (never the defaults of a real installation: those are generated). */
public final class TestAccounts {

    public static final String ADMIN_PASSWORD = "admin-Test-pw-1";
    public static final String DEMO_PASSWORD = "demo-Test-pw-1";

    private TestAccounts() {
    }
}
