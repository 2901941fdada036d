package cn.talentexchange.report;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import cn.talentexchange.security.Caller;
import cn.talentexchange.web.ApiProblem;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The cadence reports, each as JSON or, with {@code Accept: text/csv} or {@code format=csv}, as a CSV table
 * whose headers are in the reader's language.
 */
@RestController
@RequestMapping(path = "/api/v1/reports", produces = { MediaType.APPLICATION_JSON_VALUE, "text/csv" })
class ReportsController {

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final DispatchSheets dispatchSheets;

	private final CadenceReports cadence;

	private final AnnualRanking annual;

	private final Clock clock;

	ReportsController(DispatchSheets dispatchSheets, CadenceReports cadence, AnnualRanking annual, Clock clock) {
		this.dispatchSheets = dispatchSheets;
		this.cadence = cadence;
		this.annual = annual;
		this.clock = clock;
	}

	@GetMapping("/dispatch")
	Mono<ResponseEntity<Object>> dispatch(Caller caller, ServerHttpRequest request,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from) {
		LocalDate start = from == null ? LocalDate.now(clock) : from;
		Reading reading = Reading.of(caller, request);
		return dispatchSheets.sheet(start, ReportScope.of(caller))
			.map(sheet -> reading.answer(sheet, "dispatch-" + start, ReportTables::dispatch));
	}

	@GetMapping("/monthly")
	Mono<ResponseEntity<Object>> monthly(Caller caller, ServerHttpRequest request, @RequestParam String month) {
		return summary(caller, request, ReportPeriod.month(month), "monthly-");
	}

	@GetMapping("/quarterly")
	Mono<ResponseEntity<Object>> quarterly(Caller caller, ServerHttpRequest request, @RequestParam String quarter) {
		return summary(caller, request, ReportPeriod.quarter(quarter), "quarterly-");
	}

	@GetMapping("/annual")
	Mono<ResponseEntity<Object>> annual(Caller caller, ServerHttpRequest request, @RequestParam int year) {
		Reading reading = Reading.of(caller, request);
		return annual.rank(year, ReportScope.of(caller))
			.map(report -> reading.answer(report, "annual-" + year, ReportTables::annual));
	}

	private Mono<ResponseEntity<Object>> summary(Caller caller, ServerHttpRequest request, ReportPeriod period,
			String filePrefix) {
		Reading reading = Reading.of(caller, request);
		return cadence.summarise(period, ReportScope.of(caller))
			.map(report -> reading.answer(report, filePrefix + period.label(), ReportTables::period));
	}

	/** How the caller wants to read a report: as CSV or JSON, and in Chinese or English. */
	private record Reading(boolean csv, boolean chinese) {

		/**
		 * {@code format} wins over {@code Accept}; {@code lang} over {@code Accept-Language}, which wins over the
		 * token's locale.
		 */
		static Reading of(Caller caller, ServerHttpRequest request) {
			String format = request.getQueryParams().getFirst("format");
			String lang = request.getQueryParams().getFirst("lang");
			String accept = request.getHeaders().getFirst(HttpHeaders.ACCEPT);
			String acceptLanguage = request.getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE);
			if (format != null && !format.equals("json") && !format.equals("csv")) {
				throw ApiProblem.invalid("format", "must be json or csv");
			}
			if (lang != null && !lang.equals("zh-CN") && !lang.equals("en")) {
				throw ApiProblem.invalid("lang", "must be zh-CN or en");
			}
			boolean csv = format != null ? format.equals("csv") : prefersCsv(accept);
			String language = lang != null ? lang : firstLanguage(acceptLanguage, caller.locale());
			return new Reading(csv, !language.toLowerCase(Locale.ROOT).startsWith("en"));
		}

		/**
		 * CSV when text/csv is named with a higher quality than application/json, or the same and first;
		 * wildcards leave the default, JSON.
		 */
		private static boolean prefersCsv(String accept) {
			if (accept == null || accept.isBlank()) {
				return false;
			}
			List<MediaType> accepted;
			try {
				accepted = MediaType.parseMediaTypes(accept);
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
			double csvQuality = 0;
			double jsonQuality = 0;
			boolean csvFirst = false;
			for (MediaType type : accepted) {
				if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
					csvFirst = csvFirst || jsonQuality == 0;
					csvQuality = Math.max(csvQuality, type.getQualityValue());
				}
				else if (type.getType().equals("application") && type.getSubtype().equals("json")) {
					jsonQuality = Math.max(jsonQuality, type.getQualityValue());
				}
			}
			return csvQuality > jsonQuality || csvQuality > 0 && csvQuality == jsonQuality && csvFirst;
		}

		private static String firstLanguage(String acceptLanguage, String fallback) {
			if (acceptLanguage == null || acceptLanguage.isBlank()) {
				return fallback;
			}
			try {
				List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
				return ranges.isEmpty() || ranges.get(0).getRange().equals("*") ? fallback : ranges.get(0).getRange();
			}
			catch (IllegalArgumentException ex) {
				return fallback;
			}
		}

		<T> ResponseEntity<Object> answer(T report, String fileName, BiFunction<T, Boolean, String> table) {
			if (!csv) {
				return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
			}
			return ResponseEntity.ok()
				.contentType(CSV)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(fileName + ".csv").build().toString())
				.body(table.apply(report, chinese));
		}

	}

}
