package io.kehu.archfixture.alpha;

import io.kehu.archfixture.beta.Beta;
import io.kehu.archfixture.beta.inside.Hidden;

/** Bad on purpose: part of the alpha ↔ beta cycle and a user of beta's inside. */
public class Alpha {

    public Beta beta() {
        return new Beta();
    }

    public int secret() {
        return new Hidden().value();
    }
}
