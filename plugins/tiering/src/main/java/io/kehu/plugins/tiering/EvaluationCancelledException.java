package io.kehu.plugins.tiering;

/** An evaluation or apply stopped because someone pressed cancel; nothing was written. */
public class EvaluationCancelledException extends RuntimeException {

    public EvaluationCancelledException(String what) {
        super(what + " was cancelled; nothing was written");
    }
}
