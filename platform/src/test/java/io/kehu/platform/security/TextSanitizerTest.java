package io.kehu.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextSanitizerTest {

    @Test
    void removesBidiOverridesIsolatesAndZeroWidthCharacters() {
        assertThat(TextSanitizer.clean("RTL\u202Etxt.exe")).isEqualTo("RTLtxt.exe");
        assertThat(TextSanitizer.clean("\u2066a\u2069\u202Ab\u202C\u200Bc\uFEFFd\u2060e\u200Ff\u061Cg"))
                .isEqualTo("abcdefg");
        assertThat(TextSanitizer.clean("bell\u0007 and\u0000 nul\u0085")).isEqualTo("bell and nul");
    }

    @Test
    void keepsOrdinaryTextLineBreaksAndJoinersThatScriptsAndEmojiNeed() {
        String chinese = "上海贸易有限公司 Shanghai Trading";
        assertThat(TextSanitizer.clean(chinese)).isSameAs(chinese);
        assertThat(TextSanitizer.clean("line 1\r\nline 2\tend")).isEqualTo("line 1\r\nline 2\tend");
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // man-ZWJ-woman-ZWJ-girl
        assertThat(TextSanitizer.clean(family)).isEqualTo(family);
        assertThat(TextSanitizer.clean("می\u200Cخواهم")).isEqualTo("می\u200Cخواهم");
        assertThat(TextSanitizer.clean("עברית العربية")).isEqualTo("עברית العربية");
        assertThat(TextSanitizer.clean(null)).isNull();
    }
}
