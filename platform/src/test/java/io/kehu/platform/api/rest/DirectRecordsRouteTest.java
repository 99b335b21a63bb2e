package io.kehu.platform.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DirectRecordsRouteTest {

    @Test
    void jsonIsAcceptableUnlessTheClientAsksOnlyForSomethingElse() {
        assertThat(DirectRecordsRoute.acceptsJson(null)).isTrue();
        assertThat(DirectRecordsRoute.acceptsJson("application/json")).isTrue();
        assertThat(DirectRecordsRoute.acceptsJson("text/html, */*;q=0.1")).isTrue();
        assertThat(DirectRecordsRoute.acceptsJson("text/html")).isFalse();
    }
}
