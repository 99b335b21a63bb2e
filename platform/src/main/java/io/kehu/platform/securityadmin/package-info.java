/**
 * The administrator's screens for sign-in security: accounts and addresses paused after repeated failed sign-ins,
 * unlocking them, and the stored trail of pauses and unlocks. Apart from {@code security} because these are views in
 * the app frame ({@code ui}), and {@code ui} itself depends on {@code security}.
 */
package io.kehu.platform.securityadmin;
