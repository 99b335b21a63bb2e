/**
 * From file columns to field values: matching headers to fields, the saved mapping per form, and the per-type
 * transforms that turn what people type into spreadsheets (2024年3月5日, 1,234, １２３, 3.5万, 男, a user's name, a
 * customer's phone) into what the write path accepts. Checking the values is NOT done here: the write path does it.
 */
package io.kehu.platform.imports.mapping;
