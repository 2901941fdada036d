package cn.talentexchange.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

import cn.talentexchange.Clocks;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Rows written as RFC 4180 CSV under headers in the reader's language. */
final class CsvTable<T> {

	/** What makes Excel or WPS read a cell as a formula. */
	private static final String FORMULA_STARTS = "=+-@\t\r";

	private final List<Column<T>> columns;

	CsvTable(List<Column<T>> columns) {
		this.columns = List.copyOf(columns);
	}

	String write(List<T> rows, boolean chinese) {
		String[] headers = columns.stream().map(column -> chinese ? column.zh() : column.en()).toArray(String[]::new);
		StringBuilder out = new StringBuilder();
		try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(headers).get().print(out)) {
			for (T row : rows) {
				printer.printRecord(columns.stream().map(column -> cell(column.value().apply(row))));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	/**
	 * Plain decimals (no exponent), ISO dates, instants in Shanghai time with their offset, enum names, nothing
	 * for null. Free text that a spreadsheet would take for a formula is quoted with an apostrophe.
	 */
	private static Object cell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Double number) {
			return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
		}
		if (value instanceof Instant instant) {
			return instant.atZone(Clocks.PROGRAMME_ZONE).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS).toString();
		}
		if (value instanceof String text && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
			return "'" + text;
		}
		return value.toString();
	}

	/** One column: its header in English and in Chinese, and how a row fills it. */
	record Column<T>(String en, String zh, Function<T, Object> value) {

		<R> Column<R> of(Function<R, T> part) {
			return new Column<>(en, zh, row -> {
				T inner = part.apply(row);
				return inner == null ? null : value.apply(inner);
			});
		}

	}

}
