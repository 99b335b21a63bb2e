/** The duplicate finder of a form ({@code duplicates/<form>}) and the merge dialog; package-private views. */
package io.kehu.platform.dedupe.ui;
