package io.kehu.platform.api.rest;

import io.kehu.platform.api.web.ApiCaller;
import io.kehu.platform.api.web.ApiProblem;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.AuditEntry;
import io.kehu.platform.records.ListedColumn;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.RecordQuery.Keyset;
import io.kehu.platform.records.Records;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records of every published form over HTTP: list, get, create, update, delete, restore and history, all through
 * {@link Records} with the token's user as actor, so permissions, ownership, field access, rules, guards and the
 * audit trail are those of the screens. The ETag of a record is its row version; writes need it in {@code If-Match}.
 */
@RestController
@RequestMapping(path = "/api/forms", produces = MediaType.APPLICATION_JSON_VALUE)
class RecordsController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Records records;
    private final ApiForms forms;
    private final RecordWrites writes;

    RecordsController(Records records, FormCatalog catalog, IdempotencyKeys keys,
                      PlatformTransactionManager transactions) {
        this.records = records;
        this.forms = new ApiForms(catalog);
        this.writes = new RecordWrites(records, keys, new TransactionTemplate(transactions));
    }

    @GetMapping
    Map<String, Object> listForms() {
        ApiCaller caller = ApiCaller.current();
        List<Map<String, Object>> items = new ArrayList<>();
        for (FormDefinition form : forms.all(caller)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", form.id());
            item.put("label", Map.of("zh", nonNull(form.label().zh()), "en", nonNull(form.label().en())));
            item.put("records", "/api/forms/" + form.id() + "/records");
            items.add(item);
        }
        return Map.of("items", items);
    }

    /**
     * A page of records. The body is written with a streaming generator from the records' typed values into one buffer
     * (no map per record, no content negotiation over the message converters), then sent with its length so the
     * connection stays open for the client's next request.
     */
    @GetMapping("/{form}/records")
    void list(@PathVariable("form") String formId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ApiCaller caller = ApiCaller.current();
        FormDefinition form = forms.readable(caller, formId);
        List<ListedColumn> listed = records.listColumns(caller.actor(), form.id());
        Map<String, ListedColumn> contributed = listed.isEmpty() ? Map.of() : new LinkedHashMap<>();
        for (ListedColumn c : listed) {
            contributed.put(c.id(), c);
        }
        ListParameters.Parsed parsed = ListParameters.parse(form, caller.actor(), request.getParameterMap(),
                contributed);
        RecordQuery query = parsed.query();
        if (parsed.cursor() != null) {
            Keyset position = Cursor.decode(parsed.cursor(), parsed.sort());
            if (position == null || position.sortValues().size() != query.sorts().size()) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad_query").error(
                        ApiProblem.FieldProblem.atParameter("cursor", "bad_cursor", "api.problem.bad_cursor"));
            }
            query = query.after(position);
        }
        // One more than the page, to know whether a next page exists without counting.
        int pageSize = query.limit();
        RecordQuery pagePlusOne = query.limit(Math.min(pageSize + 1, RecordQuery.MAX_LIMIT));
        List<Record> page = QueryErrors.run(() -> records.query(caller.actor(), pagePlusOne));
        boolean more = page.size() > pageSize;
        List<Record> shown = more ? page.subList(0, pageSize) : page;
        String next = null;
        if (more) {
            Record last = shown.get(shown.size() - 1);
            List<Object> sortValues = new ArrayList<>(query.sorts().size());
            for (RecordQuery.Sort s : query.sorts()) {
                sortValues.add(last.sortValue(s.column()));
            }
            next = Cursor.encode(parsed.sort(), new Keyset(sortValues, last.id()));
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(512 + 400 * shown.size());
        RecordWriter writer = RecordWriter.of(form, parsed.fields(), parsed.listColumns());
        try (JsonGenerator json = JSON.createGenerator(buffer)) {
            json.writeStartObject();
            json.writeName("items");
            json.writeStartArray();
            for (int i = 0; i < shown.size(); i++) {
                writer.write(json, shown.get(i));
            }
            json.writeEndArray();
            json.writeStringProperty("next_cursor", next);
            json.writeEndObject();
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(buffer.size());
        buffer.writeTo(response.getOutputStream());
    }

    /**
     * One record; with {@code If-None-Match} naming its current ETag the answer is {@code 304} without a body (Spring's
     * {@link WebRequest#checkNotModified(String)} does the RFC 9110 comparison), so a poller pays no JSON for an
     * unchanged record. The read itself still happens: permissions are checked on every request.
     */
    @GetMapping("/{form}/records/{id}")
    ResponseEntity<Map<String, Object>> get(@PathVariable("form") String formId, @PathVariable("id") long id,
                                            WebRequest request) {
        ApiCaller caller = ApiCaller.current();
        FormDefinition form = forms.readable(caller, formId);
        Record record = records.get(caller.actor(), form.id(), id)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "record_not_found", form.id(), id));
        if (request.checkNotModified(etag(record))) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag(record)).body(RecordJson.toJson(form, record, null));
    }

    /**
     * A create, answered {@code 201} with the record (or the first answer when an {@code Idempotency-Key} was seen
     * before). Written straight to the response, like a list page; also served by {@link DirectRecordsRoute}.
     */
    @PostMapping(path = "/{form}/records")
    void create(@PathVariable("form") String formId,
                @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                HttpServletRequest request, HttpServletResponse response) throws IOException {
        createInto(formId, idempotencyKey, request, response);
    }

    void createInto(String formId, String idempotencyKey, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ApiCaller caller = ApiCaller.current();
        FormDefinition form = forms.writable(caller, formId);
        JsonNode body = RequestBodies.object(request);
        RecordWrites.Created created = writes.create(caller, form, body, idempotencyKey);
        byte[] json = created.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(created.status());
        response.setHeader(HttpHeaders.LOCATION, "/api/forms/" + form.id() + "/records/" + created.recordId());
        response.setHeader(HttpHeaders.ETAG, "\"" + created.rowVersion() + "\"");
        response.setHeader("Idempotent-Replayed", Boolean.toString(created.replayed()));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    @PatchMapping(path = "/{form}/records/{id}")
    ResponseEntity<Map<String, Object>> patch(@PathVariable("form") String formId, @PathVariable("id") long id,
                                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                              String ifMatch, HttpServletRequest request) {
        ApiCaller caller = ApiCaller.current();
        FormDefinition form = forms.writable(caller, formId);
        int version = Versions.required(ifMatch);
        Map<String, Object> changes = RecordJson.fromJson(form, RequestBodies.object(request));
        Record saved = writes.update(caller, form, id, version, changes);
        return ResponseEntity.ok().eTag(etag(saved)).body(RecordJson.toJson(form, saved, null));
    }

    /** Replaces every field the caller may write: those left out of the body are emptied. */
    @PutMapping(path = "/{form}/records/{id}")
    ResponseEntity<Map<String, Object>> put(@PathVariable("form") String formId, @PathVariable("id") long id,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                            String ifMatch, HttpServletRequest request) {
        ApiCaller caller = ApiCaller.current();
        FormDefinition form = forms.writable(caller, formId);
        int version = Versions.required(ifMatch);
        Map<String, Object> given = RecordJson.fromJson(form, RequestBodies.object(request));
        Map<String, Object> changes = new LinkedHashMap<>();
        for (FieldDefinition f : form.fields()) {
            boolean settable = f.storedType() != FieldType.SUBTABLE && f.type() != FieldType.COMPUTED
                    && !f.readOnly() && (caller.actor().isSystem() || f.access().mayWrite(caller.actor().roles()));
            if (given.containsKey(f.id()) || settable) {
                changes.put(f.id(), given.get(f.id()));
            }
        }
        Record saved = writes.update(caller, form, id, version, changes);
        return ResponseEntity.ok().eTag(etag(saved)).body(RecordJson.toJson(form, saved, null));
    }

    @DeleteMapping(path = "/{form}/records/{id}")
    ResponseEntity<Void> delete(@PathVariable("form") String formId, @PathVariable("id") long id,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ApiCaller caller = ApiCaller.current();
        FormDefinition form = forms.writable(caller, formId);
        int version = Versions.required(ifMatch);
        writes.delete(caller, form, id, version);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{form}/records/{id}/restore")
    ResponseEntity<Map<String, Object>> restore(@PathVariable("form") String formId, @PathVariable("id") long id,
                                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
                                                String ifMatch) {
        ApiCaller caller = ApiCaller.current();
        FormDefinition form = forms.writable(caller, formId);
        int version = Versions.required(ifMatch);
        Record restored = writes.restore(caller, form, id, version);
        return ResponseEntity.ok().eTag(etag(restored)).body(RecordJson.toJson(form, restored, null));
    }

    /** The live rows of subtable field {@code field} of a record, oldest first; each row is a record of its form. */
    @GetMapping("/{form}/records/{id}/rows/{field}")
    Map<String, Object> rows(@PathVariable("form") String formId, @PathVariable("id") long id,
                             @PathVariable("field") String fieldId) {
        ApiCaller caller = ApiCaller.current();
        FormDefinition form = forms.readable(caller, formId);
        FormDefinition rowForm = forms.readable(caller, subtable(form, fieldId, caller).form());
        if (records.get(caller.actor(), form.id(), id).isEmpty()) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "record_not_found", form.id(), id);
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (Record row : records.subtableRows(caller.actor(), form.id(), id, fieldId)) {
            items.add(RecordJson.toJson(rowForm, row, null));
        }
        return Map.of("items", items);
    }

    /**
     * Adds a row to subtable field {@code field} of a record; the row is then an ordinary record of the subtable's
     * form ({@code /api/forms/<that form>/records/<row id>}) for updates and deletes.
     */
    @PostMapping("/{form}/records/{id}/rows/{field}")
    ResponseEntity<Map<String, Object>> addRow(@PathVariable("form") String formId, @PathVariable("id") long id,
                                               @PathVariable("field") String fieldId, HttpServletRequest request) {
        ApiCaller caller = ApiCaller.current();
        FormDefinition form = forms.writable(caller, formId);
        FormDefinition rowForm = forms.writable(caller, subtable(form, fieldId, caller).form());
        Map<String, Object> values = RecordJson.fromJson(rowForm, RequestBodies.object(request));
        Record row = QueryErrors.notFoundAsProblem(form.id(), id,
                () -> records.createChild(caller.actor(), form.id(), id, fieldId, values));
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/forms/" + rowForm.id() + "/records/" + row.id()))
                .eTag(etag(row)).body(RecordJson.toJson(rowForm, row, null));
    }

    private static FieldDefinition subtable(FormDefinition form, String fieldId, ApiCaller caller) {
        return form.field(fieldId)
                .filter(f -> f.storedType() == FieldType.SUBTABLE && f.form() != null)
                .filter(f -> caller.actor().isSystem() || f.access().mayRead(caller.actor().roles()))
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not_found"));
    }

    @GetMapping("/{form}/records/{id}/history")
    Map<String, Object> history(@PathVariable("form") String formId, @PathVariable("id") long id,
                                @RequestParam(name = "offset", defaultValue = "0") int offset,
                                @RequestParam(name = "limit", defaultValue = "100") int limit) {
        ApiCaller caller = ApiCaller.current();
        FormDefinition form = forms.readable(caller, formId);
        if (offset < 0 || limit < 1 || limit > 1000) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad_query").error(ApiProblem.FieldProblem.atParameter(
                    "limit", "bad_limit", "api.problem.bad_limit", 1000));
        }
        if (records.get(caller.actor(), form.id(), id).isEmpty()
                && !caller.actor().hasRole(io.kehu.platform.security.Role.ADMIN)) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "record_not_found", form.id(), id);
        }
        List<AuditEntry> entries = QueryErrors.notFoundAsProblem(form.id(), id,
                () -> records.history(caller.actor(), form.id(), id, offset, limit));
        List<Map<String, Object>> items = new ArrayList<>();
        for (AuditEntry e : entries) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", e.id());
            item.put("action", e.action().name().toLowerCase(java.util.Locale.ROOT));
            item.put("field", e.fieldId());
            item.put("old_value", e.oldValue());
            item.put("new_value", e.newValue());
            item.put("changed_by", e.changedBy());
            item.put("changed_by_name", e.changedByName());
            item.put("changed_at", RecordJson.instant(e.changedAt()));
            items.add(item);
        }
        return Map.of("items", items);
    }

    private static String etag(Record record) {
        return "\"" + record.rowVersion() + "\"";
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
