package io.kehu.platform.views;

/**
 * A record as pickers show it: its id and the value of its form's title field. Pickers hold these instead of whole
 * records so that a reference to a record the user cannot open still shows (as its number) and is kept on save.
 *
 * @param id the record id
 * @param title the title field's value, or {@code #id} when there is none
 */
record RecordRef(long id, String title) {

    static String untitled(long id) {
        return "#" + id;
    }
}
