package io.kehu.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Demo data has to look like a Chinese company's customer list, not faker's English defaults. */
class ChinaSamplesTest {

    @Test
    void samplesReadLikeMainlandCustomers() {
        Random random = new Random(7);
        Set<String> mobiles = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            ChinaSamples sample = new ChinaSamples(random);
            assertThat(sample.companyName()).matches("\\p{IsHan}+有限公司");
            assertThat(sample.address()).matches("\\p{IsHan}+(省)?\\p{IsHan}*市\\p{IsHan}+区\\p{IsHan}+\\d+号.*");
            assertThat(sample.landline()).matches("0\\d{2,3}-[2-8]\\d{6,7}");
            String mobile = sample.mobile();
            assertThat(mobile).matches("1[3-9]\\d{9}");
            mobiles.add(mobile);
            assertThat(sample.companyEmail()).matches("[a-z]+@[a-z]+-[a-z]+\\.(com|cn)");
            assertThat(sample.personalEmail()).matches("[a-z0-9]+@(qq|163|126|sina|foxmail|139)\\.com")
                    .doesNotContain("yahoo", "example");
        }
        assertThat(mobiles).as("unique phones are a field rule of the customer form").hasSizeGreaterThan(1_990);
    }
}
