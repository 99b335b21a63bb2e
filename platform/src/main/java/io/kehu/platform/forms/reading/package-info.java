/**
 * Reading a definition: size and number limits first, the JSON Schema, parsing into the model, and the checks of the
 * form, its fields, defaults and scripts, each problem at its JSON path. Internal to {@code forms}: other features read
 * definitions through {@link io.kehu.platform.forms.DefinitionReader}, so a check added here applies to every source
 * (shipped files, the designer, plugins, imports) at once.
 */
package io.kehu.platform.forms.reading;
