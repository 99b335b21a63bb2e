/**
 * Where published forms live: the stored versions and drafts (documented JSON in a versioned envelope, older formats
 * upgraded on read), the catalogue of published forms, and the schema change that turns a definition into its table,
 * columns and indexes. Internal to {@code forms}: other features publish through
 * {@link io.kehu.platform.forms.FormPublisher} and look forms up through {@link io.kehu.platform.forms.FormCatalog}, so
 * no one writes a form table's shape but the publisher.
 */
package io.kehu.platform.forms.storage;
