package io.kehu.archfixture.storage;

import org.jooq.DSLContext;

/** Allowed: the storage feature uses jOOQ. */
public class Store {

    public int one(DSLContext db) {
        return db.fetchCount(db.selectOne());
    }
}
