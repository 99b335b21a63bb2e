package io.kehu.platform.designer;

import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * A field id made from its label, so administrators never have to invent a column name: Chinese characters become
 * pinyin without tones (pinyin4j; a character with several readings takes the first), letters and digits are kept,
 * everything else separates words: 微信号 → {@code wei_xin_hao}, "VIP 等级" → {@code vip_deng_ji}. The result is
 * made a valid identifier (lower case, starting with a letter, no double underscore, at most
 * {@link FormTables#MAX_IDENTIFIER_LENGTH} characters, not a reserved word) and unique in the form.
 */
final class FieldIds {

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private FieldIds() {
    }

    /** The id for {@code label} in {@code form}, ignoring the field at {@code self} (-1 for none); null for no words. */
    static String fromLabel(String label, FormDefinition form, int self) {
        String stem = slug(label);
        if (stem == null) {
            return null;
        }
        String id = stem;
        for (int n = 2; taken(id, form, self); n++) {
            String suffix = "_" + n;
            id = stem.substring(0, Math.min(stem.length(), FormTables.MAX_IDENTIFIER_LENGTH - suffix.length()))
                    .replaceAll("_+$", "") + suffix;
        }
        return id;
    }

    /** The words of {@code label} as an identifier, or null when it has none. */
    static String slug(String label) {
        if (label == null) {
            return null;
        }
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (char ch : label.strip().toCharArray()) {
            String pinyin = pinyin(ch);
            if (pinyin != null) {
                flush(word, words);
                words.add(pinyin);
            } else if (ch < 128 && Character.isLetterOrDigit(ch)) {
                word.append(Character.toLowerCase(ch));
            } else {
                flush(word, words);
            }
        }
        flush(word, words);
        if (words.isEmpty()) {
            return null;
        }
        String id = String.join("_", words);
        if (!Character.isLetter(id.charAt(0))) {
            id = "f_" + id;
        }
        if (id.length() > FormTables.MAX_IDENTIFIER_LENGTH) {
            id = id.substring(0, FormTables.MAX_IDENTIFIER_LENGTH).replaceAll("_+$", "");
        }
        if (FormTables.RESERVED.contains(id.toLowerCase(Locale.ROOT))) {
            id = id + "_1";
        }
        return FormTables.identifierProblem(id) == null ? id : null;
    }

    private static boolean taken(String id, FormDefinition form, int self) {
        for (int i = 0; i < form.fields().size(); i++) {
            if (i != self && id.equals(form.fields().get(i).id())) {
                return true;
            }
        }
        return false;
    }

    private static String pinyin(char ch) {
        if (Character.UnicodeScript.of(ch) != Character.UnicodeScript.HAN) {
            return null;
        }
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(ch, FORMAT);
            return readings == null || readings.length == 0 ? null : readings[0].replaceAll("[^a-z]", "");
        } catch (BadHanyuPinyinOutputFormatCombination impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
    }
}
