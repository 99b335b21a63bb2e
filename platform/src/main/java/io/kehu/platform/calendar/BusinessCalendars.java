package io.kehu.platform.calendar;

import io.kehu.platform.calendar.CalendarProblem.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads business calendars from JSON and holds the one Kehu ships: mainland China with its public holidays and
 * make-up working days ({@code calendars/cn-mainland.json}, 09:00–12:00 and 13:30–18:00, Monday to Friday).
 */
public final class BusinessCalendars {

    /** The longest calendar text accepted; a few years of holidays take about 10 KB. */
    public static final int MAX_CHARS = 200_000;
    private static final String CHINA_MAINLAND = "calendars/cn-mainland.json";
    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final BusinessCalendar SHIPPED = read(CHINA_MAINLAND, resource(CHINA_MAINLAND));

    private BusinessCalendars() {
    }

    /** Mainland China's working calendar as shipped. */
    public static BusinessCalendar chinaMainland() {
        return SHIPPED;
    }

    /**
     * Reads one calendar.
     *
     * @param source where the text came from, named in problems (a file name, "设计器")
     * @throws CalendarException with every problem found, each at its JSON path
     */
    public static BusinessCalendar read(String source, String json) {
        if (json.length() > MAX_CHARS) {
            throw new CalendarException(List.of(CalendarProblem.of(source, "$", Kind.TOO_LARGE, json.length(),
                    MAX_CHARS)));
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "?" : e.getLocation().getLineNr() + ":" + e.getLocation()
                    .getColumnNr();
            throw new CalendarException(List.of(CalendarProblem.of(source, "$", Kind.SYNTAX, where)));
        }
        CalendarJson reader = new CalendarJson(source);
        BusinessCalendar calendar = reader.read(root);
        if (calendar == null) {
            throw new CalendarException(reader.problems());
        }
        return calendar;
    }

    private static String resource(String name) {
        try (InputStream in = BusinessCalendars.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + name + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
