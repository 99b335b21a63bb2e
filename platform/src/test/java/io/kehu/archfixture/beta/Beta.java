package io.kehu.archfixture.beta;

import io.kehu.archfixture.alpha.Alpha;
import io.kehu.archfixture.beta.inside.Hidden;

/** Bad on purpose: closes the alpha ↔ beta cycle. Its own use of beta.inside is allowed. */
public class Beta {

    public Alpha alpha() {
        return new Alpha();
    }

    public int value() {
        return new Hidden().value();
    }
}
