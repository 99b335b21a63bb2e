package io.kehu.platform.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldOption;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.imports.mapping.CellTransforms;
import io.kehu.platform.imports.mapping.HeaderMatcher;
import io.kehu.platform.imports.read.CsvFile;
import io.kehu.platform.imports.read.Encodings;
import io.kehu.platform.imports.read.FileRow;
import io.kehu.platform.imports.read.Workbooks;
import io.kehu.platform.imports.read.XlsFile;
import io.kehu.platform.imports.read.XlsxFile;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading files (encodings, delimiters, sheets, repeated headers) and the cell transforms, without a database. */
class ImportFilesTest {

    @TempDir
    Path dir;

    @Test
    void gbkFileIsGuessedAsGb18030AndReadWithItsDelimiter() throws Exception {
        Path file = dir.resolve("gbk.csv");
        Files.write(file, "客户名称;电话;区域\n上海远航;13812345678;华东\n北京北辰;010-88886666;华北\n"
                .getBytes("GBK"));
        CsvFile csv = CsvFile.guessed(file);
        assertThat(csv.encoding()).isEqualTo(Encodings.GB18030);
        assertThat(csv.delimiter()).isEqualTo(';');
        assertThat(csv.headers()).containsExactly("客户名称", "电话", "区域");
        List<FileRow> rows = rows(csv);
        assertThat(rows).extracting(FileRow::number).containsExactly(2L, 3L);
        assertThat(rows.get(1).cells()).containsExactly("北京北辰", "010-88886666", "华北");
    }

    @Test
    void utf8WithBomLosesTheBomAndKeepsLeadingZeros() throws Exception {
        Path file = dir.resolve("bom.csv");
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
        Files.write(file, concat(bom, "编号\t名称\n00123\t\"带\t制表符\"\n\n00456\t杭州\n".getBytes(StandardCharsets.UTF_8)));
        CsvFile csv = CsvFile.guessed(file);
        assertThat(csv.encoding()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(csv.delimiter()).isEqualTo('\t');
        assertThat(csv.headers()).containsExactly("编号", "名称");
        assertThat(rows(csv)).extracting(r -> r.cell(0)).containsExactly("00123", "00456");
    }

    @Test
    void pipeAndCommaAreSniffed() throws Exception {
        Path pipe = dir.resolve("pipe.csv");
        Files.writeString(pipe, "a|b|c\n1|\"x,y\"|3\n");
        assertThat(CsvFile.guessed(pipe).delimiter()).isEqualTo('|');
        Path comma = dir.resolve("comma.csv");
        Files.writeString(comma, "a,b\n\"1;2\",3\n");
        assertThat(CsvFile.guessed(comma).delimiter()).isEqualTo(',');
    }

    @Test
    void xlsxSheetsAreChosenByNameAndRepeatedHeadersStayApart() throws Exception {
        Path file = dir.resolve("two.xlsx");
        writeTwoSheets(file);
        assertThat(XlsxFile.sheetNames(file)).containsExactly("说明", "客户");
        XlsxFile sheet = new XlsxFile(file, "客户");
        assertThat(sheet.headers()).containsExactly("客户名称", "备注", "备注", "签约日期", "金额");
        List<FileRow> rows = rows(sheet);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).number()).isEqualTo(2);
        assertThat(rows.get(0).cells()).containsExactly("宁波海曙", "第一条", "第二条", "2024-03-05", "1234.5");
        var fields = List.of(FieldDefinition.builder("name", FieldType.TEXT)
                        .label(LocalizedText.of("客户名称", "Name")).build(),
                FieldDefinition.builder("notes", FieldType.TEXTAREA).label(LocalizedText.of("备注", "Notes")).build(),
                FieldDefinition.builder("preferences", FieldType.TEXTAREA)
                        .label(LocalizedText.of("偏好", "Preferences")).build());
        ImportMapping proposed = HeaderMatcher.propose(sheet.headers(), fields);
        assertThat(proposed.columns()).extracting(ImportMapping.Column::fieldId)
                .containsExactly("name", "notes", null, null, null);
        assertThat(proposed.with(2, "preferences").columnOf("preferences")).map(ImportMapping.Column::index)
                .contains(2);
    }

    @Test
    void oldXlsSheetsAreChosenByNameAndTheirCellsReadAsTyped() throws Exception {
        Path file = dir.resolve("old.xls");
        writeOldWorkbook(file, 3);
        byte[] start = Files.readAllBytes(file);
        assertThat(XlsFile.looksLikeXls(start)).isTrue();
        assertThat(Workbooks.isWorkbook(start)).isTrue();
        assertThat(XlsxFile.looksLikeXlsx(start)).isFalse();
        assertThat(Workbooks.sheetNames(file)).containsExactly("说明", "客户", "空表");

        XlsFile sheet = new XlsFile(file, "客户");
        assertThat(sheet.headers()).containsExactly("客户名称", "电话", "备注", "备注", "签约日期", "金额", "合计",
                "VIP");
        List<FileRow> rows = rows(sheet);
        assertThat(rows).extracting(FileRow::number).as("spreadsheet row numbers; the blank row 4 is left out")
                .containsExactly(2L, 3L, 5L);
        assertThat(rows.get(0).cells()).containsExactly("宁波海曙", "13800138000", "第一条", "第二条", "2024-03-05",
                "1234.5", "1235.5", "true");
        assertThat(rows.get(1).cells()).as("a gap keeps its column, a text cell its leading zeros")
                .containsExactly("温州鹿城", "00571", "", "只写第二个", "2024-03-05 09:30", "99", "宁波海曙-99");
        assertThat(rows.get(2).cell(0)).isEqualTo("第 3 家");
        List<FileRow> from = new ArrayList<>();
        sheet.forEachRow(5, from::add);
        assertThat(from).extracting(FileRow::number).as("resuming from a row").containsExactly(5L);

        assertThat(new XlsFile(file, null).headers()).as("no sheet chosen: the first")
                .containsExactly("请在第二个工作表填写客户");
        assertThat(new XlsFile(file, "空表").headers()).isEmpty();
        assertThat(Workbooks.sheet(file, "客户").headers()).hasSize(8);

        var fields = List.of(FieldDefinition.builder("name", FieldType.TEXT)
                        .label(LocalizedText.of("客户名称", "Name")).build(),
                FieldDefinition.builder("notes", FieldType.TEXTAREA).label(LocalizedText.of("备注", "Notes")).build());
        assertThat(HeaderMatcher.propose(sheet.headers(), fields).columns()).extracting(ImportMapping.Column::fieldId)
                .as("the repeated 备注 is taken once; the second stays apart by position")
                .containsExactly("name", null, "notes", null, null, null, null, null);
    }

    @Test
    void aLargeOldXlsIsStreamedRowByRow() throws Exception {
        Path file = dir.resolve("large.xls");
        int n = 30_000;
        writeOldWorkbook(file, n);
        long[] count = {0};
        long[] last = {0};
        new XlsFile(file, "空表").forEachRow(0, r -> count[0]++);
        assertThat(count[0]).isZero();
        new XlsFile(file, "客户").forEachRow(0, r -> {
            count[0]++;
            last[0] = r.number();
        });
        assertThat(count[0]).isEqualTo(n);
        assertThat(last[0]).isEqualTo(n + 2L);
    }

    @Test
    void headersMatchIdsAndLabelsIgnoringCaseAndSpaces() {
        var fields = List.of(FieldDefinition.builder("source_channel", FieldType.SELECT)
                .label(LocalizedText.of("客户来源", "Source channel")).build());
        assertThat(HeaderMatcher.propose(List.of("SOURCE CHANNEL"), fields).columns().get(0).fieldId())
                .isEqualTo("source_channel");
        assertThat(HeaderMatcher.propose(List.of(" 客户来源 "), fields).columns().get(0).fieldId())
                .isEqualTo("source_channel");
        assertThat(HeaderMatcher.propose(List.of("Source-Channel"), fields).columns().get(0).fieldId())
                .isEqualTo("source_channel");
    }

    @Test
    void cellsAreTransformedPerFieldType() throws Exception {
        FieldDefinition date = FieldDefinition.of("d", FieldType.DATE);
        assertThat(CellTransforms.transform(date, "2024/3/5", null)).isEqualTo("2024-03-05");
        assertThat(CellTransforms.transform(date, "2024年3月5日", null)).isEqualTo("2024-03-05");
        assertThat(CellTransforms.transform(date, "45356", null)).isEqualTo("2024-03-05");
        assertThat(CellTransforms.transform(date, "２０２４－０３－０５", null)).isEqualTo("2024-03-05");
        FieldDefinition dateTime = FieldDefinition.of("t", FieldType.DATETIME);
        assertThat(CellTransforms.transform(dateTime, "2024/3/5 9:30", null)).isEqualTo("2024-03-05 09:30");
        FieldDefinition number = FieldDefinition.of("n", FieldType.DECIMAL);
        assertThat(CellTransforms.transform(number, "1,234.50", null)).isEqualTo("1,234.50");
        assertThat(CellTransforms.transform(number, "３.５万", null)).isEqualTo("35000");
        assertThat(CellTransforms.transform(number, "１２３", null)).isEqualTo("123");
        assertThat(CellTransforms.transform(number, "2亿", null)).isEqualTo("200000000");
        assertThat(CellTransforms.transform(FieldDefinition.of("m", FieldType.MONEY), "12元", null)).isEqualTo("12");
        FieldDefinition text = FieldDefinition.of("code", FieldType.TEXT);
        assertThat(CellTransforms.transform(text, "00123", null)).isEqualTo("00123");
        assertThat(CellTransforms.transform(text, "  ", null)).isNull();
        FieldDefinition select = FieldDefinition.builder("region", FieldType.SELECT).options(List.of(
                new FieldOption("east_china", LocalizedText.of("华东", "East China")))).build();
        assertThat(CellTransforms.transform(select, "east china", null)).isEqualTo("east_china");
        assertThat(CellTransforms.transform(select, "华东", null)).isEqualTo("east_china");
        assertThat(CellTransforms.transform(select, "华西", null)).isEqualTo("华西");
    }

    private static List<FileRow> rows(io.kehu.platform.imports.read.TableFile file) throws Exception {
        List<FileRow> rows = new ArrayList<>();
        file.forEachRow(0, rows::add);
        return rows;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * An old Excel workbook (.xls, BIFF8) written with POI's HSSF: a notes sheet, the data sheet with a repeated
     * header, a number-as-phone, a date and a date-time, a formula of each result kind, a boolean, a gap and a blank
     * row, then an empty sheet. {@code rows} ≥ 3: the third and later data rows are plain.
     */
    static void writeOldWorkbook(Path file, int rows) throws Exception {
        try (var wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            wb.createSheet("说明").createRow(0).createCell(0).setCellValue("请在第二个工作表填写客户");
            var data = wb.createSheet("客户");
            String[] headers = {"客户名称", "电话", "备注", "备注", "签约日期", "金额", "合计", "VIP"};
            var head = data.createRow(0);
            for (int c = 0; c < headers.length; c++) {
                head.createCell(c).setCellValue(headers[c]);
            }
            var dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            var dateTimeStyle = wb.createCellStyle();
            dateTimeStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            var first = data.createRow(1);
            first.createCell(0).setCellValue("宁波海曙");
            first.createCell(1).setCellValue(13800138000d);
            first.createCell(2).setCellValue("第一条");
            first.createCell(3).setCellValue("第二条");
            first.createCell(4).setCellValue(java.time.LocalDate.of(2024, 3, 5));
            first.getCell(4).setCellStyle(dateStyle);
            first.createCell(5).setCellValue(1234.5);
            first.createCell(6).setCellFormula("F2+1");
            first.createCell(7).setCellFormula("F2>1000");
            var second = data.createRow(2);
            second.createCell(0).setCellValue("温州鹿城");
            second.createCell(1).setCellValue("00571");
            second.createCell(3).setCellValue("只写第二个");
            second.createCell(4).setCellValue(java.time.LocalDateTime.of(2024, 3, 5, 9, 30));
            second.getCell(4).setCellStyle(dateTimeStyle);
            second.createCell(5).setCellValue(99);
            second.createCell(6).setCellFormula("A2&\"-\"&F3");
            data.createRow(3).createCell(0).setCellValue(" ");
            for (int i = 3; i <= rows; i++) {
                data.createRow(i + 1).createCell(0).setCellValue("第 " + i + " 家");
            }
            wb.createSheet("空表");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
        }
    }

    /** A workbook as people send them: a notes sheet first, then the data with a repeated header and a date cell. */
    static void writeTwoSheets(Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet notes = wb.newWorksheet("说明");
            notes.value(0, 0, "请在第二个工作表填写客户");
            Worksheet data = wb.newWorksheet("客户");
            String[] headers = {"客户名称", "备注", "备注", "签约日期", "金额"};
            for (int c = 0; c < headers.length; c++) {
                data.value(0, c, headers[c]);
            }
            data.value(1, 0, "宁波海曙");
            data.value(1, 1, "第一条");
            data.value(1, 2, "第二条");
            data.value(1, 3, java.time.LocalDate.of(2024, 3, 5));
            data.style(1, 3).format("yyyy-mm-dd").set();
            data.value(1, 4, 1234.5);
            data.value(2, 0, "温州鹿城");
            data.value(2, 4, 99);
            wb.finish();
        }
    }
}
