package io.kehu.platform.ui;

/**
 * A count in the layout that changes with what the user does (open tasks, unread notifications). The layout outlives
 * page changes, so such a count refreshes after every navigation and when a screen says the counts changed without
 * one ({@link MainLayout#countsChanged}), e.g. after a workflow step on the record view.
 */
public interface LiveCount {

    /** Reads the count again. */
    void refresh();
}
