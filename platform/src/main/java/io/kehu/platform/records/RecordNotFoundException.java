package io.kehu.platform.records;

/**
 * The record does not exist for this actor: it never existed, is deleted, or the actor may not see it. The three are
 * deliberately indistinguishable, so that ids of other people's records reveal nothing.
 */
public class RecordNotFoundException extends RuntimeException {

    public RecordNotFoundException(String formId, long id) {
        super("No record " + formId + "/" + id);
    }
}
