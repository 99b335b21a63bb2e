package io.kehu.platform.views;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Formula injection: what a spreadsheet would run as a formula is written as text. */
class RecordExportTest {

    @Test
    void textStartingLikeAFormulaGetsAnApostrophe() {
        assertThat(RecordExport.neutralise("=HYPERLINK(\"http://evil\",\"x\")")).isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
        assertThat(RecordExport.neutralise("+86 138")).isEqualTo("'+86 138");
        assertThat(RecordExport.neutralise("-1+1")).isEqualTo("'-1+1");
        assertThat(RecordExport.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(RecordExport.neutralise("\tcmd")).isEqualTo("'\tcmd");
        assertThat(RecordExport.neutralise("上海贸易 = good")).isEqualTo("上海贸易 = good");
        assertThat(RecordExport.neutralise("")).isEmpty();
        assertThat(RecordExport.neutralise(null)).isNull();
    }
}
