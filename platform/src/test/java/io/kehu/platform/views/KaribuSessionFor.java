package io.kehu.platform.views;

import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.KaribuSession;
import org.springframework.context.ApplicationContext;

/** Signs a Karibu session in as an account a test created. */
final class KaribuSessionFor {

    private KaribuSessionFor() {
    }

    static void signIn(ApplicationContext context, UserAccounts accounts, Actor actor) {
        KaribuSession.signIn(context, accounts, actor.username());
    }
}
