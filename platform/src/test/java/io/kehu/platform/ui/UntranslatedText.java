package io.kehu.platform.ui;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds English left in a Chinese page: every visible text node (also inside the web components' shadow roots) and
 * the placeholders, tooltips and screen-reader labels of visible elements, minus what may be Latin in Chinese too:
 * product and format names, e-mail addresses, web addresses, numbers with units, and data such as the demo accounts'
 * names.
 */
final class UntranslatedText {

    /** Latin words a Chinese user reads as they are. */
    static final Set<String> ALLOWED = Set.of("kehu", "crm", "csv", "excel", "xlsx", "json", "groovy", "english",
            "vip", "pdf", "id", "url", "sdk", "api", "ok", "chart", "js", "pf4j", "vaadin", "h2", "postgresql",
            "rfm", "kb", "mb", "gb", "ms", "am", "pm", "cny",
            "jar", "zip", "sha", // file formats and the checksum as Chinese admins write them (.jar, .zip, SHA-256)
            "utf", "bom", "gbk", // encodings as Chinese admins name them (UTF-8, 带 BOM, GBK/GB18030)
            "webhook", "hmac", // the integration's own name (企业微信 and 钉钉 say Webhook too) and its signature
            "led", "pro"); // the last two: demo product names (LED 面板灯, 商用净水器 Pro)

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'’]+");
    private static final Pattern SKIPPED = Pattern.compile(
            "[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+" // e-mail addresses
                    + "|https?://\\S+" // web addresses
                    + "|\\b\\d[\\d.,]*\\s*[A-Za-z]{1,3}\\b" // 12 ms, 3.5 KB, 5 MB
                    + "|\\b[A-Za-z_]*\\d\\w*"); // data codes with digits: a WeChat id wxid_spev42qe, SHA-256

    /** Every visible text, placeholder, tooltip and aria-label of the page, one per entry. */
    private static final String COLLECT = """
            () => {
              const out = [];
              const visible = e => e && e.checkVisibility
                  && e.checkVisibility({checkOpacity: true, checkVisibilityCSS: true});
              const visit = root => {
                const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
                for (let n = walker.currentNode; n; n = walker.nextNode()) {
                  if (n.nodeType === Node.TEXT_NODE) {
                    const p = n.parentElement;
                    const t = n.textContent.trim();
                    if (t && p && !['SCRIPT', 'STYLE', 'TEMPLATE'].includes(p.tagName) && visible(p)) out.push(t);
                  } else if (n.nodeType === Node.ELEMENT_NODE) {
                    if (n.shadowRoot) visit(n.shadowRoot);
                    for (const a of ['placeholder', 'title', 'aria-label']) {
                      const v = n.getAttribute(a);
                      if (v && v.trim() && visible(n)) out.push(v.trim());
                    }
                  }
                }
              };
              visit(document.body);
              out.push(document.title);
              return out;
            }""";

    private UntranslatedText() {
    }

    /** The texts of the page that hold an English word, each once. */
    @SuppressWarnings("unchecked")
    static List<String> in(Page page, Collection<String> data) {
        List<String> texts = (List<String>) page.evaluate(COLLECT);
        Set<String> found = new LinkedHashSet<>();
        for (String text : texts) {
            if (hasEnglish(text, data)) {
                found.add(text.length() > 160 ? text.substring(0, 160) + "…" : text);
            }
        }
        return new ArrayList<>(found);
    }

    static boolean hasEnglish(String text, Collection<String> data) {
        String rest = text;
        for (String d : data) {
            rest = rest.replace(d, " ");
        }
        rest = SKIPPED.matcher(rest).replaceAll(" ");
        Matcher words = WORD.matcher(rest);
        while (words.find()) {
            if (!ALLOWED.contains(words.group().toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
