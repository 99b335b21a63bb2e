package io.kehu.platform.imports.read;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.eventusermodel.AbortableHSSFListener;
import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.eventusermodel.HSSFUserException;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * One sheet of an old Excel workbook ({@code .xls}, BIFF8, Excel 97–2003), read with Apache POI's HSSF event API: the
 * workbook stream is walked record by record and only the current row is held, never the workbook as objects (the
 * shared-strings table is kept, as every reader of the format must; the format itself stops at 65,536 rows). Cells come
 * as the text a user would type, as in {@link XlsxFile}: numbers without a trailing {@code .0}, cells formatted as
 * dates as ISO dates, formula cells by their last computed value, booleans as {@code true}/{@code false}. The header is
 * the sheet's first row that has a cell.
 */
public final class XlsFile implements TableFile {

    private final Path file;
    private final String sheet;

    /** @param sheet the sheet's name; {@code null} for the first */
    public XlsFile(Path file, String sheet) {
        this.file = file;
        this.sheet = sheet;
    }

    /** Whether {@code start} (the file's first bytes) is an OLE2 compound file, as every {@code .xls} is. */
    public static boolean looksLikeXls(byte[] start) {
        return start.length >= 8 && FileMagic.valueOf(start) == FileMagic.OLE2;
    }

    /** The names of the workbook's sheets, in the order Excel shows them. */
    public static List<String> sheetNames(Path file) throws IOException {
        List<BoundSheetRecord> bound = new ArrayList<>();
        walk(file, new AbortableHSSFListener() {
            @Override
            public short abortableProcessRecord(Record record) {
                if (record instanceof BoundSheetRecord b) {
                    bound.add(b);
                }
                // the sheet list is in the workbook globals, which end with the first EOF
                return record instanceof EOFRecord ? (short) 1 : 0;
            }
        });
        List<String> names = new ArrayList<>();
        for (BoundSheetRecord b : BoundSheetRecord.orderByBofPosition(bound)) {
            names.add(b.getSheetname());
        }
        return names;
    }

    @Override
    public List<String> headers() throws IOException {
        List<String> headers = new ArrayList<>();
        read(row -> {
            headers.addAll(row.cells());
            return false;
        });
        return headers;
    }

    @Override
    public void forEachRow(long fromRow, Consumer<FileRow> each) throws IOException {
        boolean[] header = {true};
        read(row -> {
            if (header[0]) {
                header[0] = false;
            } else if (row.number() >= fromRow && !row.isBlank()) {
                each.accept(row);
            }
            return true;
        });
    }

    /** Hands the chosen sheet's rows (header included) to {@code rows} while it returns {@code true}. */
    private void read(RowSink rows) throws IOException {
        SheetReader reader = new SheetReader(sheet, rows);
        walk(file, reader);
        reader.finish();
    }

    private static void walk(Path file, AbortableHSSFListener listener) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            HSSFRequest request = new HSSFRequest();
            request.addListenerForAllRecords(listener);
            new HSSFEventFactory().abortableProcessWorkbookEvents(request, fs);
        } catch (HSSFUserException e) {
            throw new UnreadableFileException("imports.read.xlsBroken", e);
        } catch (OldExcelFormatException e) {
            throw new UnreadableFileException("imports.read.xlsTooOld", e);
        } catch (EncryptedDocumentException e) {
            throw new UnreadableFileException("imports.read.xlsPassword", e);
        } catch (IllegalArgumentException | IllegalStateException | org.apache.poi.util.RecordFormatException e) {
            throw new UnreadableFileException("imports.read.xlsBroken", e);
        } catch (UnreadableFileException e) {
            throw e;
        } catch (IOException e) {
            // POIFS's own words ("Invalid header signature; read 0x...") say nothing to a user, in any language
            throw new UnreadableFileException("imports.read.xlsBroken", e);
        }
    }

    @FunctionalInterface
    private interface RowSink {
        /** Takes one row; {@code false} stops the reading. */
        boolean take(FileRow row);
    }

    /**
     * Follows the stream: the workbook globals (sheet names, shared strings, formats, date window), then each sheet's
     * substream between its BOF and EOF, nested BOF/EOF pairs (embedded charts) counted apart. Cells of the chosen
     * sheet are gathered per row and handed on when the next row starts.
     */
    private static final class SheetReader extends AbortableHSSFListener {

        private final String wanted;
        private final RowSink rows;
        private final FormatTrackingHSSFListener formats = new FormatTrackingHSSFListener(r -> { });
        private final List<BoundSheetRecord> bound = new ArrayList<>();
        private BoundSheetRecord[] ordered;
        private SSTRecord strings;
        private boolean date1904;
        private int depth;
        private int sheetIndex = -1;
        private boolean inWanted;
        private boolean done;
        private int row = -1;
        private final TreeMap<Integer, String> cells = new TreeMap<>();
        private FormulaRecord pendingFormula;
        private boolean stopped;

        SheetReader(String wanted, RowSink rows) {
            this.wanted = wanted;
            this.rows = rows;
        }

        @Override
        public short abortableProcessRecord(Record record) {
            formats.processRecord(record);
            switch (record) {
                case BOFRecord bof -> {
                    depth++;
                    if (depth == 1 && bof.getType() != BOFRecord.TYPE_WORKBOOK) {
                        sheetIndex++;
                        inWanted = isWanted(sheetIndex);
                    }
                }
                case EOFRecord eof -> {
                    depth--;
                    if (depth == 0 && inWanted) {
                        flush();
                        done = true;
                        return 1;
                    }
                }
                case BoundSheetRecord b -> bound.add(b);
                case SSTRecord sst -> strings = sst;
                case DateWindow1904Record w -> date1904 = w.getWindowing() == 1;
                default -> {
                    if (inWanted && depth == 1) {
                        cell(record);
                    }
                }
            }
            return stopped ? (short) 1 : 0;
        }

        private boolean isWanted(int index) {
            if (wanted == null) {
                return index == 0;
            }
            if (ordered == null) {
                ordered = BoundSheetRecord.orderByBofPosition(bound);
            }
            return index < ordered.length && wanted.equals(ordered[index].getSheetname());
        }

        private void cell(Record record) {
            if (record instanceof StringRecord s && pendingFormula != null) {
                put(pendingFormula, s.getString());
                pendingFormula = null;
                return;
            }
            pendingFormula = null;
            switch (record) {
                case LabelSSTRecord l -> put(l, strings == null ? "" : strings.getString(l.getSSTIndex()).getString());
                case LabelRecord l -> put(l, l.getValue());
                case NumberRecord n -> put(n, number(n, n.getValue()));
                case BoolErrRecord b -> put(b, b.isBoolean() ? String.valueOf(b.getBooleanValue()) : "");
                case FormulaRecord f -> {
                    if (f.hasCachedResultString()) {
                        pendingFormula = f; // its text follows in a STRING record
                    } else if (f.getCachedResultType() == CellType.BOOLEAN.getCode()) {
                        put(f, String.valueOf(f.getCachedBooleanValue()));
                    } else if (f.getCachedResultType() == CellType.NUMERIC.getCode()) {
                        put(f, number(f, f.getValue()));
                    } else {
                        put(f, ""); // an error value
                    }
                }
                default -> {
                    // other records (row info, blanks, formats, drawings) carry no cell text
                }
            }
        }

        private void put(CellValueRecordInterface cell, String text) {
            if (stopped) {
                return;
            }
            if (cell.getRow() != row) {
                flush();
                row = cell.getRow();
            }
            cells.put((int) cell.getColumn(), text == null ? "" : text);
        }

        private void flush() {
            if (row < 0 || cells.isEmpty() || stopped) {
                cells.clear();
                return;
            }
            List<String> list = new ArrayList<>(cells.lastKey() + 1);
            for (int c = 0; c <= cells.lastKey(); c++) {
                list.add(cells.getOrDefault(c, ""));
            }
            cells.clear();
            if (!rows.take(new FileRow(row + 1L, list))) {
                stopped = true;
            }
        }

        /** At the end of the stream: the last row, if the sheet ended without its EOF being seen. */
        void finish() {
            if (!done && inWanted) {
                flush();
            }
        }

        private String number(CellValueRecordInterface cell, double value) {
            int index = formats.getFormatIndex(cell);
            String format = formats.getFormatString(cell);
            if (DateUtil.isADateFormat(index, format) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime at = DateUtil.getLocalDateTime(value, date1904);
                return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().toString()
                        : at.toString().replace('T', ' ');
            }
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return "";
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
