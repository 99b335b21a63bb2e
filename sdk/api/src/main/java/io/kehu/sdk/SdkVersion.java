package io.kehu.sdk;

/**
 * The version of the SDK contract a plugin was compiled against.
 *
 * <p>A plugin declares the platform versions it works with in its {@code Plugin-Requires} manifest entry (a semver
 * range such as {@code >=0.1.0}); the platform compares that range with {@link #CURRENT}.
 */
public final class SdkVersion {

    /** The SDK version of this build, in {@code major.minor.patch} form. */
    public static final String CURRENT = "0.1.0";

    private SdkVersion() {
    }

    /**
     * Tells whether {@code version} is a plain {@code major.minor.patch} version with numeric parts.
     *
     * @param version the text to check, may be {@code null}
     * @return {@code true} for a well-formed version such as {@code 1.4.0}
     */
    public static boolean isWellFormed(String version) {
        return version != null && version.matches("(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})");
    }
}
