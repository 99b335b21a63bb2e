package io.kehu.platform.designer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The state diagram of a workflow definition as SVG, drawn on the server from the JSON being edited — so it also
 * works for a definition that does not read yet. A simple layered layout is enough for tens of states: columns by
 * distance from the initial state (breadth first), states that nothing reaches in a last column, rows in definition
 * order; a transition forward is a straight arrow, one back or within a column a curve, each with its button label.
 */
final class WorkflowDiagram {

    private static final int BOX_W = 150;
    private static final int BOX_H = 46;
    private static final int COL_GAP = 90;
    private static final int ROW_GAP = 44;
    private static final int MARGIN = 24;
    /** Fill and stroke per state colour of the definition format. */
    private static final Map<String, String[]> COLOURS = Map.of(
            "grey", new String[] {"#eceff1", "#607d8b"},
            "blue", new String[] {"#e3f2fd", "#1e88e5"},
            "green", new String[] {"#e8f5e9", "#43a047"},
            "orange", new String[] {"#fff3e0", "#fb8c00"},
            "red", new String[] {"#ffebee", "#e53935"},
            "purple", new String[] {"#f3e5f5", "#8e24aa"});

    private WorkflowDiagram() {
    }

    private record Box(String id, String label, String colour, boolean initial, boolean terminal, int col, int row) {
        int x() {
            return MARGIN + col * (BOX_W + COL_GAP);
        }

        int y() {
            return MARGIN + row * (BOX_H + ROW_GAP);
        }
    }

    /** The diagram of {@code definition} with labels in {@code locale}. */
    static String svg(JsonNode definition, Locale locale) {
        Map<String, JsonNode> states = new LinkedHashMap<>();
        definition.path("states").forEach(s -> {
            String id = s.path("id").asString("");
            if (!id.isBlank()) {
                states.putIfAbsent(id, s);
            }
        });
        List<String[]> edges = new ArrayList<>();
        definition.path("transitions").forEach(t -> t.path("from").forEach(from -> edges.add(new String[] {
            from.asString(""), t.path("to").asString(""), label(t.path("label"), locale)})));
        Map<String, Integer> column = columns(states, edges);
        Map<Integer, Integer> rows = new HashMap<>();
        Map<String, Box> boxes = new LinkedHashMap<>();
        for (JsonNode s : states.values()) {
            String id = s.path("id").asString();
            int col = column.get(id);
            int row = rows.merge(col, 1, Integer::sum) - 1;
            boxes.put(id, new Box(id, label(s.path("label"), locale), s.path("color").asString("grey"),
                    s.path("initial").asBoolean(false), s.path("final").asBoolean(false), col, row));
        }
        int width = MARGIN * 2 + (column.values().stream().mapToInt(i -> i).max().orElse(0) + 1) * (BOX_W + COL_GAP);
        int height = MARGIN * 2 + (rows.values().stream().mapToInt(i -> i).max().orElse(1)) * (BOX_H + ROW_GAP) + 40;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"workflow-diagram\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width)
                .append(' ').append(height).append("\" font-family=\"sans-serif\" font-size=\"13\">")
                .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" ")
                .append("markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" ")
                .append("fill=\"#546e7a\"/></marker></defs>");
        for (String[] edge : edges) {
            Box from = boxes.get(edge[0]);
            Box to = boxes.get(edge[1]);
            if (from != null && to != null) {
                edge(svg, from, to, edge[2]);
            }
        }
        boxes.values().forEach(b -> box(svg, b));
        return svg.append("</svg>").toString();
    }

    /** Breadth-first distance from the initial state; states nothing reaches go after the last column. */
    private static Map<String, Integer> columns(Map<String, JsonNode> states, List<String[]> edges) {
        Map<String, Integer> column = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        states.values().stream().filter(s -> s.path("initial").asBoolean(false)).findFirst()
                .ifPresent(s -> {
                    column.put(s.path("id").asString(), 0);
                    queue.add(s.path("id").asString());
                });
        while (!queue.isEmpty()) {
            String at = queue.poll();
            for (String[] edge : edges) {
                if (edge[0].equals(at) && states.containsKey(edge[1]) && !column.containsKey(edge[1])) {
                    column.put(edge[1], column.get(at) + 1);
                    queue.add(edge[1]);
                }
            }
        }
        int last = column.values().stream().mapToInt(i -> i).max().orElse(-1) + 1;
        states.keySet().forEach(id -> column.putIfAbsent(id, last));
        return column;
    }

    private static void box(StringBuilder svg, Box b) {
        String[] colour = COLOURS.getOrDefault(b.colour(), COLOURS.get("grey"));
        svg.append("<g class=\"state\" data-state=\"").append(escape(b.id())).append("\">");
        svg.append("<rect x=\"").append(b.x()).append("\" y=\"").append(b.y()).append("\" width=\"").append(BOX_W)
                .append("\" height=\"").append(BOX_H).append("\" rx=\"10\" fill=\"").append(colour[0])
                .append("\" stroke=\"").append(colour[1]).append("\" stroke-width=\"").append(b.initial() ? 3 : 1.5)
                .append("\"/>");
        if (b.terminal()) {
            svg.append("<rect x=\"").append(b.x() + 4).append("\" y=\"").append(b.y() + 4).append("\" width=\"")
                    .append(BOX_W - 8).append("\" height=\"").append(BOX_H - 8).append("\" rx=\"7\" fill=\"none\" ")
                    .append("stroke=\"").append(colour[1]).append("\"/>");
        }
        svg.append("<text x=\"").append(b.x() + BOX_W / 2).append("\" y=\"").append(b.y() + BOX_H / 2 + 5)
                .append("\" text-anchor=\"middle\" fill=\"#263238\">").append(escape(b.label())).append("</text></g>");
    }

    private static void edge(StringBuilder svg, Box from, Box to, String label) {
        int x1;
        int y1;
        int x2;
        int y2;
        String path;
        int lx;
        int ly;
        if (to.col() > from.col()) {
            x1 = from.x() + BOX_W;
            y1 = from.y() + BOX_H / 2;
            x2 = to.x();
            y2 = to.y() + BOX_H / 2;
            path = "M" + x1 + "," + y1 + " L" + x2 + "," + y2;
            lx = (x1 + x2) / 2;
            ly = (y1 + y2) / 2 - 6;
        } else {
            // Back (or sideways): leave from the bottom and come in from the bottom, curving below both boxes.
            x1 = from.x() + BOX_W / 2 + 12;
            y1 = from.y() + BOX_H;
            x2 = to.x() + BOX_W / 2 - 12;
            y2 = to.y() + BOX_H;
            int below = Math.max(y1, y2) + ROW_GAP - 8;
            path = "M" + x1 + "," + y1 + " C" + x1 + "," + below + " " + x2 + "," + below + " " + x2 + "," + y2;
            lx = (x1 + x2) / 2;
            ly = below - 4;
        }
        svg.append("<g class=\"transition\"><path d=\"").append(path).append("\" fill=\"none\" stroke=\"#546e7a\" ")
                .append("stroke-width=\"1.4\" marker-end=\"url(#arrow)\"/><text x=\"").append(lx).append("\" y=\"")
                .append(ly).append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#37474f\">")
                .append(escape(label)).append("</text></g>");
    }

    private static String label(JsonNode text, Locale locale) {
        String zh = text.path("zh").asString("");
        String en = text.path("en").asString("");
        boolean chinese = "zh".equals(locale.getLanguage());
        String first = chinese ? zh : en;
        return first.isBlank() ? (chinese ? en : zh) : first;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
