package io.kehu.plugins.survey;

import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.ThrowAwayPostgres;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * The store contracts on PostgreSQL, against one Kehu on a throw-away database on {@code KEHU_TEST_PG_URL} (default
 * the local server's {@code test}), dropped afterwards: campaigns, reminders, the public link and the breakdown
 * ({@link CampaignContract}), responses, versions, idempotent submit and the closed loop ({@link SurveyStoreContract}),
 * personal links ({@link InvitationsContract}), the complaint revisit's link and its closed loop
 * ({@link RevisitLinkContract}), the yearly tier review ({@link TierReviewContract}).
 */
class SurveyPostgresTest {

    private static ThrowAwayPostgres db;
    private static KehuTestHost host;

    @BeforeAll
    static void start() throws SQLException {
        db = ThrowAwayPostgres.create("kehu_it_survey");
        host = db.host().start();
    }

    @AfterAll
    static void stop() throws SQLException {
        if (host != null) {
            host.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Nested
    class CampaignsOnPostgres extends CampaignContract {
        @Override
        KehuTestHost kehu() {
            return host;
        }
    }

    @Nested
    class StoreOnPostgres extends SurveyStoreContract {
        @Override
        KehuTestHost kehu() {
            return host;
        }
    }

    @Nested
    class TierReviewOnPostgres extends TierReviewContract {
        @Override
        KehuTestHost kehu() {
            return host;
        }
    }

    @Nested
    class RevisitLinksOnPostgres extends RevisitLinkContract {
        @Override
        KehuTestHost kehu() {
            return host;
        }
    }

    @Nested
    class LinksOnPostgres extends InvitationsContract {
        @Override
        KehuTestHost kehu() {
            return host;
        }
    }

    @Nested
    class RollupsOnPostgres extends RollupsContract {
        @Override
        KehuTestHost kehu() {
            return host;
        }
    }
}
