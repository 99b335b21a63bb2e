/**
 * Parsing of values by kind — numbers and money, dates, choices, contact details, text — and the errors it reports.
 * Internal to {@code records}: other features convert and check values through {@link io.kehu.platform.records.FieldValues}.
 */
package io.kehu.platform.records.values;
