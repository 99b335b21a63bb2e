package io.kehu.archfixture.shop;

import java.sql.Connection;
import java.sql.SQLException;

/** Bad on purpose: a feature that owns no storage opening JDBC itself. */
public class Shop {

    public boolean alive(Connection connection) throws SQLException {
        return connection.isValid(1);
    }
}
