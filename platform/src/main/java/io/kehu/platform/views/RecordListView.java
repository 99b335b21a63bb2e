package io.kehu.platform.views;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.shared.Registration;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.i18n.Messages;
import io.kehu.platform.records.ListedColumn;
import io.kehu.platform.records.ListedCount;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.RecordQuery.Sort;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.ui.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The list of any published form at {@code forms/<form>}: a lazy grid that asks the record store for one page at a
 * time (no count of the whole table; the scrollbar uses the store's estimate), sortable columns the user can show and
 * hide, filters per field, a quick search, saved views, bulk actions and exports of exactly what is listed.
 * Administrators also get the form's deleted records ({@code forms/<form>?deleted}): when and by whom each was deleted,
 * and "restore" for the selected ones.
 */
@Route(value = "forms/:form", layout = MainLayout.class)
@PermitAll
public class RecordListView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Records records;
    private final FormCatalog catalog;
    private final SessionActor actors;
    private final UserAccounts accounts;
    private final SavedViews savedViews;
    private final Messages messages;
    private String title = "";
    private Actor actor;
    private FormDefinition form;
    private RecordGrid grid;
    private FilterBar filterBar;
    private TextField search;
    /** The phone layout's cards; {@code null} when the grid is shown. */
    private RecordCards cards;
    /** Whether the window is phone-narrow: cards and a compact toolbar instead of the grid's toolbar. */
    private boolean narrow;
    private Registration widthChanges;
    private ListCount count;
    private EmptyList empty;
    /** Whether this list shows the deleted records (a recycle bin) instead of the live ones. */
    private boolean deletedRecords;
    /** The list columns plugins add that this user may see, asked when the list is built. */
    private List<ListedColumn> contributed = List.of();

    public RecordListView(Records records, FormCatalog catalog, SessionActor actors, UserAccounts accounts,
                          SavedViews savedViews, Messages messages) {
        this.records = records;
        this.catalog = catalog;
        this.actors = actors;
        this.accounts = accounts;
        this.savedViews = savedViews;
        this.messages = messages;
        setSizeFull();
    }

    static String path(String formId) {
        return "forms/" + formId;
    }

    /** The query parameter that turns the list into the form's deleted records. */
    static final String DELETED = "deleted";

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        actor = actors.current();
        form = catalog.published(event.getRouteParameters().get("form").orElse(""))
                .filter(f -> FormAccess.mayRead(f, actor)).orElse(null);
        if (form == null) {
            title = getTranslation("views.notFoundTitle");
            add(new NoAccessNotice());
            return;
        }
        title = form.label().in(getLocale());
        // the same view instance serves the next form or mode (the router reuses it), so everything is built anew
        deletedRecords = FormAccess.mayRestore(form, actor)
                && event.getLocation().getQueryParameters().getParameters().containsKey(DELETED);
        if (deletedRecords) {
            title = title + " · " + getTranslation("views.list.deleted");
        }
        narrow = ScreenWidth.narrow(UI.getCurrent());
        build();
        List<String> linked = event.getLocation().getQueryParameters().getParameters()
                .getOrDefault(ListLinks.FILTERS, List.of());
        if (!linked.isEmpty() && !deletedRecords) { // a link from a dashboard or elsewhere: filters set for the user
            filterBar.apply(ListLinks.decode(linked.get(0)));
        }
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }

    private void build() {
        UserDirectory users = new UserDirectory(accounts);
        FilterSources sources = sources(users);
        // plugins' columns (a churn risk, a points balance) join the form's fields; not in the recycle bin
        contributed = deletedRecords ? List.of() : records.listColumns(actor, form.id());
        List<io.kehu.platform.forms.FieldDefinition> listable = new ArrayList<>(FormAccess.listableFields(form,
                actor));
        contributed.forEach(c -> listable.add(c.field()));
        grid = new RecordGrid(form, listable, formatter(sources), contributed.stream().filter(c -> !c.sortable())
                .map(ListedColumn::id).collect(java.util.stream.Collectors.toSet()));
        grid.setItems((CallbackDataProvider.FetchCallback<Record, Void>) this::fetch);
        if (deletedRecords) {
            grid.addDeletionColumns(users);
            // the estimate is of live rows; the grid grows its size as pages of deleted ones arrive
            grid.getLazyDataView().setItemCountEstimate(RecordQuery.DEFAULT_LIMIT);
        } else {
            grid.getLazyDataView().setItemCountEstimate(
                    (int) Math.max(1, Math.min(Integer.MAX_VALUE, records.estimateCount(actor, form.id()))));
            grid.addItemClickListener(click -> UI.getCurrent().navigate(RecordView.path(form.id(),
                    String.valueOf(click.getItem().id()))));
        }

        search = new TextField();
        search.setId("quick-search");
        search.setPlaceholder(getTranslation("views.list.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        List<io.kehu.platform.forms.FieldDefinition> filterable = new ArrayList<>(FormAccess.listableFields(form,
                actor));
        filterable.addAll(ListLinks.referenceOwnerFields(form, catalog, actor));
        contributed.stream().filter(c -> !c.operators().isEmpty()).forEach(c -> filterable.add(c.field()));
        filterable.addAll(ListLinks.systemFilterFields());
        filterBar = new FilterBar(filterable, sources, this::refresh);

        H2 heading = new H2(title);
        heading.setId("list-title");
        heading.getStyle().set("margin", "0");
        boolean ownOnly = actor.limitedToOwnRecords() && form.ownerField() != null && !deletedRecords;
        count = new ListCount(getLocale(), ownOnly ? getTranslation("views.list.ownOnly", title) : null);
        Button create = null;
        if (FormAccess.mayWrite(form, actor) && !deletedRecords) {
            create = new Button(getTranslation("views.list.new"), VaadinIcon.PLUS.create(), click -> createRecord());
            create.setId("new-record");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        // the import wizard (imports.ui.ImportView), by its route: lists do not depend on the imports feature
        Button importButton = null;
        if (FormAccess.mayWrite(form, actor) && !deletedRecords) {
            importButton = new Button(getTranslation("imports.button"), VaadinIcon.UPLOAD.create(),
                    click -> UI.getCurrent().navigate("import/" + form.id()));
            importButton.setId("import-records");
        }
        // the duplicate finder (dedupe.ui.DuplicatesView), by its route, for forms with a phone or e-mail field
        Button duplicatesButton = null;
        if (!deletedRecords && (actor.hasRole(io.kehu.platform.security.Role.MANAGER)
                || actor.hasRole(io.kehu.platform.security.Role.ADMIN))
                && form.fields().stream().anyMatch(f -> f.type() == io.kehu.platform.forms.FieldType.PHONE
                        || f.type() == io.kehu.platform.forms.FieldType.EMAIL)) {
            duplicatesButton = new Button(getTranslation("dedupe.button"), VaadinIcon.CLUSTER.create(),
                    click -> UI.getCurrent().navigate("duplicates/" + form.id()));
            duplicatesButton.setId("find-duplicates");
        }
        // a phone: cards over the same query and a two-row toolbar (the recycle bin keeps its grid: restoring selects)
        if (narrow && !deletedRecords) {
            List<Component> tools = new ArrayList<>();
            tools.add(new SavedViewsBar(savedViews, actor, form.id(), this::state, this::apply));
            tools.add(exportLink("csv", sources));
            tools.add(exportLink("xlsx", sources));
            if (importButton != null) {
                tools.add(importButton);
            }
            if (duplicatesButton != null) {
                tools.add(duplicatesButton);
            }
            if (FormAccess.mayRestore(form, actor)) {
                tools.add(deletedRecordsLink());
            }
            cards = new RecordCards(form, listable, grid.visibleColumns(), contributedIds(), grid.formatter(),
                    (offset, limit) -> rows(offset, limit, state().sorts()));
            cards.estimate(grid.getLazyDataView().getItemCountEstimate());
            empty = new EmptyList(form.label().in(getLocale()), () -> apply(new ViewState(grid.visibleColumns(),
                    List.of(), null, List.of())), this::createRecord);
            PhoneBulkBar bulkBar = new PhoneBulkBar(new BulkActions(records, actor, form, users, cards::chosen,
                    this::refresh), cards);
            add(new CompactListToolbar(heading, search, filterBar, create, bulkBar.chooseButton(), tools), count,
                    empty, cards, bulkBar);
            setFlexGrow(1, cards);
            showCount();
            return;
        }
        cards = null;
        VerticalLayout titleBox = new VerticalLayout(heading, count);
        titleBox.setPadding(false);
        titleBox.setSpacing(false);
        titleBox.setWidth(null);

        // primary controls stay in sight; exports and the recycle bin wait under "更多"
        HorizontalLayout toolbar = new HorizontalLayout(search, grid.columnToggle(() -> grid.getDataProvider()
                .refreshAll()));
        if (!deletedRecords) { // saved views are views of the live records
            toolbar.add(new SavedViewsBar(savedViews, actor, form.id(), this::state, this::apply));
        }
        if (importButton != null) {
            toolbar.add(importButton);
        }
        if (duplicatesButton != null) {
            toolbar.add(duplicatesButton);
        }
        if (create != null) {
            toolbar.add(create);
        }
        toolbar.add(moreMenu(sources));
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true);
        HorizontalLayout header = new HorizontalLayout(titleBox, toolbar);
        header.setWidthFull();
        header.setFlexGrow(1, titleBox);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setWrap(true);

        BulkActions bulk = new BulkActions(records, actor, form, users, grid::getSelectedItems, this::refresh,
                deletedRecords);
        bulk.setVisible(false); // nothing to act on until rows are selected
        grid.addSelectionListener(e -> bulk.showFor(e.getAllSelectedItems().size()));
        empty = new EmptyList(form.label().in(getLocale()), () -> apply(new ViewState(grid.visibleColumns(),
                List.of(), null, List.of())), this::createRecord);
        add(header, filterBar, bulk, empty, grid);
        setFlexGrow(1, grid);
        showCount();
    }

    private void createRecord() {
        UI.getCurrent().navigate(RecordView.path(form.id(), RecordView.NEW));
    }

    /** Exports and the recycle bin, the controls used now and then, in one menu. */
    private MenuBar moreMenu(FilterSources sources) {
        MenuBar menu = new MenuBar();
        menu.setId("list-more");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY);
        SubMenu items = menu.addItem(getTranslation("views.list.more")).getSubMenu();
        items.addItem(exportLink("csv", sources));
        items.addItem(exportLink("xlsx", sources));
        if (FormAccess.mayRestore(form, actor)) {
            items.addItem(deletedRecordsLink());
        }
        return menu;
    }

    /** Shows how many records the list holds, or the empty state instead of an empty grid. */
    private void showCount() {
        ViewState state = state();
        ListedCount listed = records.count(actor, query(state));
        count.show(listed);
        boolean none = listed.kind() == ListedCount.Kind.EXACT && listed.value() == 0;
        boolean filtered = state.search() != null || !state.filters().isEmpty();
        if (none) {
            empty.show(filtered, FormAccess.mayWrite(form, actor) && !deletedRecords);
        } else {
            empty.setVisible(false);
        }
        grid.setVisible(!none);
        if (cards != null) {
            cards.setVisible(!none);
        }
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        // a phone turned sideways or a window made narrow: rebuild with the other layout, keeping what is listed
        widthChanges = ScreenWidth.onChange(attach.getUI(), narrow, nowNarrow -> {
            if (form != null) {
                ViewState shown = state();
                removeAll();
                narrow = nowNarrow;
                build();
                apply(shown);
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (widthChanges != null) {
            widthChanges.remove();
            widthChanges = null;
        }
        super.onDetach(detach);
    }

    /** One page for the grid: offset and limit come from the grid, filters, search and sort from the screen. */
    private Stream<Record> fetch(Query<Record, Void> page) {
        List<Sort> sorts = page.getSortOrders().stream()
                .map(o -> new Sort(o.getSorted(), o.getDirection() == SortDirection.DESCENDING)).toList();
        List<Record> rows = rows(page.getOffset(), page.getLimit(), sorts);
        grid.formatter().references().prefetch(form, rows);
        List<String> shown = grid.visibleColumns();
        return rows.stream().map(r -> r.only(shown)); // the grid keeps its pages: keep only what it shows
    }

    /** One page of what the screen lists (filters, search, permissions), in {@code sorts} order. */
    private List<Record> rows(int offset, int limit, List<Sort> sorts) {
        RecordQuery query = query(new ViewState(grid.visibleColumns(), sorts, search.getValue(),
                filterBar.filters())).page(offset, Math.min(limit, RecordQuery.MAX_LIMIT));
        return records.query(actor, query);
    }

    /** Switches between the live records and the deleted ones, as a link so that the browser's back button works. */
    private RouterLink deletedRecordsLink() {
        RouterLink link = new RouterLink(getTranslation(deletedRecords ? "views.list.live" : "views.list.deleted"),
                RecordListView.class, new RouteParameters("form", form.id()));
        link.setQueryParameters(deletedRecords ? QueryParameters.empty() : QueryParameters.of(DELETED, ""));
        link.setId("deleted-records");
        return link;
    }

    private java.util.Set<String> contributedIds() {
        return contributed.stream().map(ListedColumn::id).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * The state without what names a plugin's column that is gone now (its plugin was disabled while the list was
     * open, or a saved view or link from before): the list keeps working without it.
     */
    private ViewState available(ViewState state) {
        java.util.Set<String> gone = new java.util.HashSet<>(contributedIds());
        records.listColumns(actor, form.id()).forEach(c -> gone.remove(c.id()));
        if (gone.isEmpty()) {
            return state;
        }
        return new ViewState(state.columns().stream().filter(c -> !gone.contains(c)).toList(),
                state.sorts().stream().filter(s -> !gone.contains(s.column())).toList(), state.search(),
                state.filters().stream().filter(f -> !gone.contains(f.column())).toList());
    }

    private RecordQuery query(ViewState given) {
        ViewState state = contributed.isEmpty() ? given : available(given);
        List<Sort> sorts = state.sorts();
        if (deletedRecords && sorts.isEmpty()) {
            sorts = List.of(Sort.desc(FormTables.DELETED_AT)); // most recently deleted first
        } else if (sorts.isEmpty()) {
            sorts = List.of(Sort.desc(FormTables.ID)); // newest first: a record just created is at the top
        }
        RecordQuery query = RecordQuery.of(form.id()).search(state.search()).sortBy(sorts.toArray(Sort[]::new));
        if (deletedRecords) {
            query = query.includeDeleted(true)
                    .where(RecordQuery.Filter.of(FormTables.DELETED_AT, RecordQuery.Operator.IS_NOT_EMPTY));
        }
        for (RecordQuery.Filter f : state.filters()) {
            query = query.where(f);
        }
        java.util.Set<String> ids = contributedIds();
        List<String> shownContributed = state.columns().stream().filter(ids::contains).toList();
        return shownContributed.isEmpty() ? query : query.withListColumns(shownContributed);
    }

    ViewState state() {
        List<Sort> sorts = grid.getSortOrder().stream().map(o -> new Sort(o.getSorted().getKey(),
                o.getDirection() == SortDirection.DESCENDING)).toList();
        return new ViewState(grid.visibleColumns(), sorts, search.getValue().isBlank() ? null : search.getValue(),
                filterBar.filters());
    }

    void apply(ViewState state) {
        int unavailable = unavailableParts(state);
        if (unavailable > 0) {
            com.vaadin.flow.component.notification.Notification notice = com.vaadin.flow.component.notification
                    .Notification.show(getTranslation("views.saved.unavailable", unavailable), 8000,
                            com.vaadin.flow.component.notification.Notification.Position.MIDDLE);
            notice.setId("saved-view-unavailable");
        }
        grid.showColumns(state.columns());
        grid.sort(state.sorts().stream().filter(s -> grid.getColumnByKey(s.column()) != null)
                .map(s -> new GridSortOrder<>(grid.getColumnByKey(s.column()),
                        s.descending() ? SortDirection.DESCENDING : SortDirection.ASCENDING)).toList());
        search.setValue(state.search() == null ? "" : state.search());
        filterBar.apply(state.filters());
    }

    /**
     * How many columns, sorts and filters of {@code state} name nothing this list has now: a field removed from the
     * form, a plugin's column whose plugin is disabled, one the user may no longer read. They are left out; the
     * user is told rather than shown a different list without a word.
     */
    private int unavailableParts(ViewState state) {
        java.util.Set<String> known = new java.util.HashSet<>();
        FormAccess.listableFields(form, actor).forEach(f -> known.add(f.id()));
        contributed.forEach(c -> known.add(c.id()));
        ListLinks.systemFilterFields().forEach(f -> known.add(f.id()));
        java.util.Arrays.asList(FormTables.ID, FormTables.CREATED_AT, FormTables.UPDATED_AT, FormTables.DELETED_AT,
                FormTables.CREATED_BY, FormTables.UPDATED_BY, FormTables.DELETED_BY).forEach(known::add);
        long parts = state.columns().stream().filter(c -> !known.contains(c)).count()
                + state.sorts().stream().filter(s -> !known.contains(s.column())).count()
                + state.filters().stream().map(RecordQuery.Filter::column).distinct()
                        .filter(c -> !known.contains(c)).count();
        return (int) parts;
    }

    private void refresh() {
        if (grid != null) {
            grid.deselectAll();
            grid.getDataProvider().refreshAll();
            showCount();
        }
        if (cards != null) {
            cards.clearChosen();
            cards.getDataProvider().refreshAll();
        }
    }

    private Anchor exportLink(String format, FilterSources sources) {
        Anchor link = new Anchor((DownloadHandler) download -> {
            ViewState state = currentStateForDownload();
            RecordExport export = new RecordExport(records, actor, form, grid.visibleFields(state.columns()),
                    formatter(sources));
            download.setFileName(form.id() + "." + format);
            if ("csv".equals(format)) {
                download.setContentType("text/csv; charset=UTF-8");
                export.writeCsv(query(state), download.getOutputStream());
            } else {
                download.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                export.writeXlsx(query(state), download.getOutputStream());
            }
        }, getTranslation("views.list.export." + format));
        link.setId("export-" + format);
        return link;
    }

    /** The state as last shown, read under the session lock that the download request does not hold. */
    private ViewState currentStateForDownload() {
        UI ui = getUI().orElseThrow();
        ViewState[] state = new ViewState[1];
        ui.accessSynchronously(() -> state[0] = state());
        return state[0];
    }

    private FilterSources sources(UserDirectory users) {
        return new FilterSources(records, catalog, actor, users, new ReferenceTitles(records, catalog, actor),
                getLocale(), UserZone.of(UI.getCurrent()));
    }

    private ValueFormatter formatter(FilterSources sources) {
        return new ValueFormatter(sources.locale(), sources.zone(), sources.users(),
                new ReferenceTitles(records, catalog, actor), key -> messages.getTranslation(key, sources.locale()));
    }
}
