package io.kehu.platform.designer.workflow;

/** A part of an editor form that writes what it shows into its JSON when the administrator confirms. */
interface WritesBack {

    void write();
}
