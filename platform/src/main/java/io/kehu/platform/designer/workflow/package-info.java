/**
 * The workflow editor's forms (流程设计): per transition who may act, the guard, required fields, the comment and the
 * actions; per state the editable fields, the time limit and its breach actions. Each form works on a copy of its part
 * of the definition's JSON and, when the administrator confirms, writes back only the keys it edits, in place, so
 * everything it does not know (and the JSON tab shows) is kept as it was.
 */
package io.kehu.platform.designer.workflow;
