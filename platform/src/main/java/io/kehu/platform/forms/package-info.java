/**
 * Forms: a company's fields and forms as JSON form definitions, not Java. This package holds the definition model
 * (the contract every other feature reads), its reader and validation, the published versions and the schema sync
 * that turns each form into a real table and each field into a real column.
 *
 * <p>Physical naming is decided in one place, {@link io.kehu.platform.forms.FormTables}.
 */
package io.kehu.platform.forms;
