/**
 * Languages: every UI text comes from the {@code i18n/messages_*.properties} bundles (Simplified Chinese and
 * English); the user's language defaults to the browser's and, once chosen, is remembered per account.
 */
package io.kehu.platform.i18n;
