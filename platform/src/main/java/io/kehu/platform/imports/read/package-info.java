/**
 * Reading import files row by row, never whole: CSV in UTF-8 (with or without BOM) or GB18030/GBK with the encoding
 * guessed and the delimiter sniffed (Apache Commons CSV), XLSX sheets (FastExcel reader) and old
 * XLS sheets (Apache POI's HSSF event API). Internal to {@code imports}.
 */
package io.kehu.platform.imports.read;
