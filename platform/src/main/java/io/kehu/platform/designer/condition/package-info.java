/**
 * The visual condition builder: a condition written as rows of field, operator and value, grouped with and/or, turned
 * into the Groovy rule the sandbox runs ({@link ConditionWriter}) and read back from simple rules
 * ({@link ConditionReader}); {@link ConditionBuilder} is its editor. The designer uses it wherever it asks for a
 * condition (visibleWhen, requiredWhen, form rules); anything it cannot represent stays with the Groovy editor.
 */
package io.kehu.platform.designer.condition;
