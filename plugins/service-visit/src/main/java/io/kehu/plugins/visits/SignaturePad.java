package io.kehu.plugins.visits;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.dom.Element;

/**
 * A signature pad: a plain HTML {@code <canvas>} (no component library, no npm) with a few lines of script that
 * draw with a finger or mouse and keep the strokes as an SVG path ({@code M x,y L x,y …}, integer canvas pixels).
 * After each stroke the path is written into a hidden input whose change reaches the server, so the server always
 * holds what the customer drew; a lost connection loses at most the stroke being drawn. A path is compact (a few KB)
 * and replays exactly, unlike a PNG.
 */
final class SignaturePad extends Div {

    static final int WIDTH = 340;
    static final int HEIGHT = 180;

    private static final String SCRIPT = """
            const canvas = $0, input = $1, ctx = canvas.getContext('2d');
            ctx.lineWidth = 2.5; ctx.lineCap = 'round'; ctx.strokeStyle = '#1a1a1a';
            let path = input.value || '', drawing = false;
            const at = e => { const r = canvas.getBoundingClientRect();
              return [Math.round((e.clientX - r.left) * canvas.width / r.width),
                      Math.round((e.clientY - r.top) * canvas.height / r.height)]; };
            canvas.addEventListener('pointerdown', e => { drawing = true; canvas.setPointerCapture(e.pointerId);
              const [x, y] = at(e); ctx.beginPath(); ctx.moveTo(x, y); path += (path ? ' ' : '') + 'M' + x + ',' + y; });
            canvas.addEventListener('pointermove', e => { if (!drawing) return; const [x, y] = at(e);
              ctx.lineTo(x, y); ctx.stroke(); path += ' L' + x + ',' + y; });
            const end = () => { if (!drawing) return; drawing = false;
              input.value = path; input.dispatchEvent(new Event('change')); };
            canvas.addEventListener('pointerup', end); canvas.addEventListener('pointercancel', end);
            canvas.kehuClear = () => { ctx.clearRect(0, 0, canvas.width, canvas.height); path = ''; };
            """;

    private final Element canvas = new Element("canvas");
    private final Input strokes = new Input();

    SignaturePad(String clearLabel) {
        setId("signature-pad");
        canvas.setAttribute("width", Integer.toString(WIDTH));
        canvas.setAttribute("height", Integer.toString(HEIGHT));
        canvas.getStyle().set("width", "100%").set("max-width", WIDTH + "px").set("touch-action", "none")
                .set("border", "1px dashed var(--lumo-contrast-50pct)").set("border-radius", "8px")
                .set("background", "white").set("display", "block");
        strokes.setId("signature-strokes");
        strokes.getStyle().set("display", "none");
        NativeButton clear = new NativeButton(clearLabel, e -> {
            strokes.setValue("");
            canvas.executeJs("this.kehuClear && this.kehuClear()");
        });
        clear.setId("signature-clear");
        clear.getStyle().set("min-height", "44px").set("min-width", "88px").set("margin-top", "4px")
                .set("font-size", "var(--lumo-font-size-m)");
        getElement().appendChild(canvas);
        add(strokes, clear);
        canvas.executeJs(SCRIPT, canvas, strokes.getElement());
    }

    /** The strokes drawn so far, as an SVG path; blank when nothing was drawn. */
    String strokes() {
        return strokes.getValue() == null ? "" : strokes.getValue();
    }
}
