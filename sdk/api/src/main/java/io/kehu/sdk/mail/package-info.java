/** Mail to customers and other outside addresses: {@link io.kehu.sdk.mail.PluginMail}. */
package io.kehu.sdk.mail;
