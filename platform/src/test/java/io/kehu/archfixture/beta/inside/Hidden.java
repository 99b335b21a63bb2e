package io.kehu.archfixture.beta.inside;

/** Inside of feature beta: only beta may use it. */
public class Hidden {

    public int value() {
        return 42;
    }
}
