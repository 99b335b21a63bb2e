package io.kehu.platform.designer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.forms.LocalizedText;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldIdsTest {

    private static final FormDefinition FORM = new FormDefinition("customer", null, null, null, 0, "name", null,
            List.of(FieldDefinition.of("wei_xin_hao", FieldType.TEXT), FieldDefinition.of("wei_xin_hao_2",
                    FieldType.TEXT)), null, null, null);

    @Test
    void chineseBecomesPinyinAndOtherTextASafeSlug() {
        assertThat(FieldIds.slug("微信号")).isEqualTo("wei_xin_hao");
        assertThat(FieldIds.slug("VIP 等级")).isEqualTo("vip_deng_ji");
        assertThat(FieldIds.slug("  Last-Visit Date! ")).isEqualTo("last_visit_date");
        assertThat(FieldIds.slug("2025年目标")).isEqualTo("f_2025_nian_mu_biao");
        assertThat(FieldIds.slug("绿色")).isEqualTo("lv_se"); // ü written as v
        assertThat(FieldIds.slug("Select")).isEqualTo("select_1"); // a reserved word
        assertThat(FieldIds.slug("!!!")).isNull();
        assertThat(FieldIds.slug("😀")).isNull();
        String longOne = FieldIds.slug("客户最近一次线下拜访的详细情况说明");
        assertThat(longOne).hasSizeLessThanOrEqualTo(FormTables.MAX_IDENTIFIER_LENGTH).doesNotEndWith("_");
        assertThat(FormTables.identifierProblem(longOne)).isNull();
    }

    @Test
    void theIdIsUniqueInTheForm() {
        assertThat(FieldIds.fromLabel("微信号", FORM, -1)).isEqualTo("wei_xin_hao_3");
        assertThat(FieldIds.fromLabel("微信号", FORM, 0)).isEqualTo("wei_xin_hao"); // the field itself
        assertThat(FieldIds.fromLabel("电话", FORM, -1)).isEqualTo("dian_hua");
    }

    @Test
    void duplicateLabelsAreCountedPerLanguageAndNotTwiceForOneField() {
        FormDefinition form = new FormDefinition("customer", null, null, null, 0, "name", null, List.of(
                FieldDefinition.builder("a", FieldType.TEXT).label(LocalizedText.of("微信", "WeChat")).build(),
                FieldDefinition.builder("b", FieldType.TEXT).label(LocalizedText.of("微信 ", "wechat")).build(),
                FieldDefinition.builder("c", FieldType.TEXT).label(LocalizedText.of("VIP", "VIP")).build()),
                null, null, null);
        assertThat(DesignerEdits.duplicateLabels(form)).containsExactlyInAnyOrderEntriesOf(
                java.util.Map.of("微信", 2, "WeChat", 2));
    }
}
