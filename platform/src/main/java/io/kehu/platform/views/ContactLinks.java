package io.kehu.platform.views;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.shared.HasSuffix;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.renderer.Renderer;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.records.Record;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Phone numbers people can tap to call ({@code tel:}) and e-mail addresses they can tap to write to
 * ({@code mailto:}), wherever a value is shown: list grids, phone cards and the record form. The link is built only
 * from a value that looks like a number or an address (digits and a leading +; a plain address without spaces,
 * quotes or angle brackets), so no stored text can turn into another kind of link; anything else stays plain text.
 */
final class ContactLinks {

    /** What an address may contain to become a {@code mailto:} link: no spaces, quotes, brackets or second @. */
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9.\\-]+\\.[A-Za-z]{2,}");
    /** Separators people write in numbers (138 1234 5678, 021-6123 4567, (0571) ...), dropped from the link. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");
    private static final Pattern DIALABLE = Pattern.compile("\\+?[0-9]{3,20}");

    private ContactLinks() {
    }

    /** Whether values of {@code field} get a link. */
    static boolean linked(FieldDefinition field) {
        return field.storedType() == FieldType.PHONE || field.storedType() == FieldType.EMAIL;
    }

    /** The {@code tel:} or {@code mailto:} link of {@code value}; {@code null} when it is not a usable one. */
    static String href(FieldDefinition field, Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        if (field.storedType() == FieldType.PHONE) {
            String digits = SEPARATORS.matcher(text).replaceAll("");
            return DIALABLE.matcher(digits).matches() ? "tel:" + digits : null;
        }
        if (field.storedType() == FieldType.EMAIL) {
            return ADDRESS.matcher(text).matches() ? "mailto:" + text : null;
        }
        return null;
    }

    /**
     * A grid cell with the value as a link. The click stops at the link, so tapping a number dials it instead of also
     * opening the row's record.
     */
    static Renderer<Record> cell(FieldDefinition field, Function<Record, String> text) {
        return LitRenderer.<Record>of("${item.href ? html`<a class=\"kehu-contact-link\" href=\"${item.href}\""
                        + " @click=${e => e.stopPropagation()}>${item.text}</a>` : item.text}")
                .withProperty("href", r -> href(field, r.get(field.id())))
                .withProperty("text", text::apply);
    }

    /** A link showing {@code text} (icon first) for {@code value}; {@code null} when the value is not linkable. */
    static Anchor anchor(FieldDefinition field, Object value, String text) {
        String href = href(field, value);
        if (href == null) {
            return null;
        }
        Anchor link = new Anchor(href, "");
        link.add(icon(field), new com.vaadin.flow.component.html.Span(text));
        link.addClassName("kehu-contact-link");
        return link;
    }

    /**
     * Adds a call or write button to a phone or e-mail editor of the record form, kept in step with the value, so a
     * number can be dialled from the record whether the field is editable or read-only.
     */
    static void addTo(FieldDefinition field, HasValue<?, ?> editor) {
        if (!linked(field) || !(editor instanceof HasSuffix suffixed)) {
            return;
        }
        Anchor link = new Anchor();
        link.add(icon(field));
        link.setId("contact-link-" + field.id());
        link.addClassName("kehu-contact-action");
        link.getElement().setAttribute("aria-label", link.getTranslation(field.storedType() == FieldType.PHONE
                ? "mobile.call" : "mobile.write"));
        Runnable update = () -> {
            String href = href(field, editor.getValue());
            link.setVisible(href != null);
            if (href != null) {
                link.setHref(href);
            }
        };
        editor.addValueChangeListener(e -> update.run());
        update.run();
        suffixed.setSuffixComponent(link);
    }

    private static com.vaadin.flow.component.icon.Icon icon(FieldDefinition field) {
        return (field.storedType() == FieldType.PHONE ? VaadinIcon.PHONE : VaadinIcon.ENVELOPE).create();
    }
}
