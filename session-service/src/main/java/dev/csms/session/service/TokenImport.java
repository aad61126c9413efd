package dev.csms.session.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.csms.ocpp.canonical.AuthorizationStatus;
import dev.csms.ocpp.canonical.IdTokenType;
import dev.csms.runtime.problem.ProblemException;
import dev.csms.session.rest.TokenRef;
import dev.csms.session.rest.TokenSettings;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a bulk import of tokens, CSV or JSON, into rows that each carry their line number and either the settings
 * or why the row cannot be read. A problem with the file as a whole (no header, not a JSON array, a syntax error)
 * is a 400 for the whole request; a problem of one row only rejects that row.
 *
 * <p>CSV (RFC 4180: comma-separated, fields may be double-quoted, {@code ""} is a quote): a header line naming the
 * columns, in any order and case: {@code value}, {@code type}, {@code status} (required), {@code otherType},
 * {@code expiresAt} (RFC 3339), {@code groupValue}, {@code groupType}, {@code allowedStations} (station ids
 * separated by {@code ;} or spaces), {@code maxConcurrentSessions}. Empty lines are skipped.
 *
 * <p>JSON: an array of objects shaped like the body of {@code POST /api/v1/tokens}.
 */
public final class TokenImport {

    /** The columns of the CSV format. */
    public static final List<String> COLUMNS = List.of("value", "type", "status", "otherType", "expiresAt",
            "groupValue", "groupType", "allowedStations", "maxConcurrentSessions");
    private static final List<String> REQUIRED = List.of("value", "type", "status");

    /**
     * One row of the import.
     *
     * @param line     where it is (CSV: its line; JSON: the line its object starts on)
     * @param settings what it says; null when it could not be read
     * @param error    why it could not be read; null when it could
     */
    public record Row(int line, TokenSettings settings, String error) {
    }

    private TokenImport() {
    }

    public static List<Row> csv(String text, int maxRows) {
        List<Record> records = CsvReader.read(text);
        if (records.isEmpty()) {
            throw ProblemException.badRequest("the CSV has no header line; columns: " + String.join(",", COLUMNS));
        }
        Record header = records.get(0);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).trim();
            String column = COLUMNS.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst().orElseThrow(
                    () -> ProblemException.badRequest("unknown column '" + name + "' in the header; columns: "
                            + String.join(",", COLUMNS)));
            if (index.put(column, i) != null) {
                throw ProblemException.badRequest("column '" + column + "' appears twice in the header");
            }
        }
        for (String required : REQUIRED) {
            if (!index.containsKey(required)) {
                throw ProblemException.badRequest("the header lacks the column '" + required + "'");
            }
        }
        List<Record> data = records.subList(1, records.size()).stream()
                .filter(r -> !(r.fields().size() == 1 && r.fields().get(0).isBlank())).toList();
        requireAtMost(data.size(), maxRows);
        List<Row> rows = new ArrayList<>();
        for (Record record : data) {
            rows.add(row(record, index, header.fields().size()));
        }
        return rows;
    }

    private static Row row(Record record, Map<String, Integer> index, int columns) {
        if (record.fields().size() != columns) {
            return new Row(record.line(), null, "has " + record.fields().size() + " fields, the header " + columns);
        }
        List<String> problems = new ArrayList<>();
        String value = field(record, index, "value");
        IdTokenType type = enumField(record, index, "type", IdTokenType.class, problems);
        AuthorizationStatus status = enumField(record, index, "status", AuthorizationStatus.class, problems);
        Instant expiresAt = null;
        String expires = field(record, index, "expiresAt");
        if (expires != null) {
            try {
                expiresAt = Instant.parse(expires);
            } catch (DateTimeParseException e) {
                problems.add("expiresAt '" + expires + "' is not an RFC 3339 instant");
            }
        }
        String groupValue = field(record, index, "groupValue");
        IdTokenType groupType = enumField(record, index, "groupType", IdTokenType.class, problems);
        TokenRef group = null;
        if (groupValue != null || groupType != null) {
            group = new TokenRef(groupValue, groupType == null ? IdTokenType.Central : groupType);
        }
        String stations = field(record, index, "allowedStations");
        List<String> allowed = stations == null ? List.of()
                : Arrays.stream(stations.split("[;\\s]+")).filter(s -> !s.isEmpty()).toList();
        Integer max = null;
        String maxText = field(record, index, "maxConcurrentSessions");
        if (maxText != null) {
            try {
                max = Integer.valueOf(maxText);
            } catch (NumberFormatException e) {
                problems.add("maxConcurrentSessions '" + maxText + "' is not an integer");
            }
        }
        if (!problems.isEmpty()) {
            return new Row(record.line(), null, String.join("; ", problems));
        }
        return new Row(record.line(), new TokenSettings(value, type, field(record, index, "otherType"), status,
                expiresAt, group, allowed, max), null);
    }

    private static String field(Record record, Map<String, Integer> index, String column) {
        Integer i = index.get(column);
        if (i == null) {
            return null;
        }
        String text = record.fields().get(i).trim();
        return text.isEmpty() ? null : text;
    }

    private static <E extends Enum<E>> E enumField(Record record, Map<String, Integer> index, String column,
            Class<E> type, List<String> problems) {
        String text = field(record, index, column);
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        problems.add(column + " '" + text + "' is not one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", ")));
        return null;
    }

    public static List<Row> json(String text, ObjectMapper mapper, int maxRows) {
        List<Row> rows = new ArrayList<>();
        try (JsonParser parser = mapper.getFactory().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw ProblemException.badRequest("a JSON import is an array of tokens");
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() == null) {
                    throw ProblemException.badRequest("the JSON array is not closed");
                }
                int line = parser.currentTokenLocation().getLineNr();
                JsonNode element = parser.readValueAsTree();
                requireAtMost(rows.size() + 1, maxRows);
                if (!element.isObject()) {
                    rows.add(new Row(line, null, "is not a JSON object"));
                    continue;
                }
                try {
                    rows.add(new Row(line, mapper.treeToValue(element, TokenSettings.class), null));
                } catch (JsonProcessingException e) {
                    rows.add(new Row(line, null, describe(e)));
                }
            }
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("the JSON is malformed at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
        return rows;
    }

    private static String describe(JsonProcessingException e) {
        String path = e instanceof JsonMappingException mapping ? mapping.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")) : "";
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'";
        }
        if (e instanceof InvalidFormatException invalid) {
            return path + " has an invalid value '" + invalid.getValue() + "'";
        }
        return path.isEmpty() ? "cannot be read" : path + " has the wrong shape";
    }

    private static void requireAtMost(int rows, int maxRows) {
        if (rows > maxRows) {
            throw new ProblemException(413, "Content Too Large", "an import takes at most " + maxRows + " rows");
        }
    }

    /** A CSV record and the line it starts on. */
    record Record(int line, List<String> fields) {
    }

    /** RFC 4180 reading: quoted fields may hold commas, quotes ({@code ""}) and line breaks. */
    static final class CsvReader {

        private CsvReader() {
        }

        static List<Record> read(String text) {
            List<Record> records = new ArrayList<>();
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int line = 1;
            int recordLine = 1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    // the \n that follows ends the record
                } else if (c == '\n' || c == '\r') {
                    fields.add(field.toString());
                    field.setLength(0);
                    records.add(new Record(recordLine, List.copyOf(fields)));
                    fields.clear();
                    line++;
                    recordLine = line;
                } else {
                    field.append(c);
                }
            }
            if (quoted) {
                throw ProblemException.badRequest("a quoted field opened on line " + recordLine + " is not closed");
            }
            if (!field.isEmpty() || !fields.isEmpty()) {
                fields.add(field.toString());
                records.add(new Record(recordLine, List.copyOf(fields)));
            }
            return records;
        }
    }
}
