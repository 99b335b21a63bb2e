package io.kehu.platform.records;

/** A bulk write stopped because its caller cancelled it; its transaction was rolled back, nothing was written. */
public class BatchCancelledException extends RuntimeException {

    public BatchCancelledException(long written) {
        super("The bulk write was cancelled after " + written + " writes; all of them were rolled back");
    }
}
