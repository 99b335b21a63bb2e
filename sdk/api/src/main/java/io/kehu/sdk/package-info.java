/**
 * The Kehu SDK: the only API a plugin compiles against (with {@code provided} scope).
 *
 * <p>Extension points are small interfaces extending PF4J's {@code ExtensionPoint}; a plugin implements them and
 * receives everything it needs from the platform through a context object, never through Spring, JDBC or the
 * plugin manager. See {@code docs/plugin-guide.md}.
 */
package io.kehu.sdk;
