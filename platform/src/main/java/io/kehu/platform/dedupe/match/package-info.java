/** Keys and comparisons: normalised phones and e-mails, masked values, name similarity, reasons in zh/en. */
package io.kehu.platform.dedupe.match;
