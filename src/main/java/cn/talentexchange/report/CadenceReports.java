package cn.talentexchange.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.talentexchange.Clocks;
import cn.talentexchange.assignment.AssignmentStatus;
import cn.talentexchange.assignment.VisitFacts;
import cn.talentexchange.assignment.VisitFacts.VisitFact;
import cn.talentexchange.demand.DemandRequest;
import cn.talentexchange.demand.Requests;
import cn.talentexchange.expert.Experts;
import cn.talentexchange.pairing.Pairing;
import cn.talentexchange.pairing.ReferenceData;
import cn.talentexchange.secondment.Ledger;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The monthly and quarterly summaries, and the figures the annual ranking is built from. */
@Component
class CadenceReports {

	/** Days an expert is held for: committed to or given. A no-show's day was not given. */
	private static final Set<AssignmentStatus> LOAD = Set.of(AssignmentStatus.ACCEPTED, AssignmentStatus.CHECKED_IN,
			AssignmentStatus.COMPLETED);

	private final Requests requests;

	private final VisitFacts visitFacts;

	private final Experts experts;

	private final ReferenceData references;

	private final Ledger ledger;

	private final Clock clock;

	CadenceReports(Requests requests, VisitFacts visitFacts, Experts experts, ReferenceData references, Ledger ledger,
			Clock clock) {
		this.requests = requests;
		this.visitFacts = visitFacts;
		this.experts = experts;
		this.references = references;
		this.ledger = ledger;
		this.clock = clock;
	}

	Mono<PeriodReport> summarise(ReportPeriod period, ReportScope scope) {
		return requests.openedBetween(period.start(), period.end())
			.filter(request -> scope.sees(request.countyId()))
			.collectList()
			.flatMap(opened -> Mono.zip(references.pairings().filter(pairing -> scope.sees(pairing.countyId())).collectList(),
					visitFacts.visitsBetweenOrOfferedBetween(period.from(), period.to(), period.start(), lastOfferBy(opened))
						.collectList()
						.flatMap(facts -> pool(facts, period).map(pool -> new Loaded(opened, facts, pool))),
					ledger.servedMonthsByPairing(period.from(), period.to())))
			.map(loaded -> compose(period, scope, loaded.getT1(), loaded.getT2(), loaded.getT3()));
	}

	/**
	 * An offer comes before its visit, and a visit falls on one of the request's acceptable dates: so the offers
	 * on the requests opened in the period were all made before the end of the last such date.
	 */
	private static Instant lastOfferBy(List<DemandRequest> opened) {
		LocalDate last = opened.stream()
			.flatMap(request -> request.acceptableDates().stream())
			.max(Comparator.naturalOrder())
			.orElse(LocalDate.of(2000, 1, 1));
		return last.plusDays(2).atStartOfDay(Clocks.PROGRAMME_ZONE).toInstant();
	}

	/**
	 * The experts whose load is weighed, with their organisation: those the planner may use today, and anyone
	 * who gave days in the period, so that a past period does not lose the experts who have left since.
	 */
	private Mono<Map<String, String>> pool(List<VisitFact> facts, ReportPeriod period) {
		return experts.organisationByPlannableExpert().flatMap(plannable -> {
			Set<String> gone = new HashSet<>();
			facts.stream()
				.filter(fact -> period.contains(fact.date()) && LOAD.contains(fact.status()))
				.map(VisitFact::expertId)
				.filter(expertId -> !plannable.containsKey(expertId))
				.forEach(gone::add);
			return experts.organisationByExpert(gone).map(others -> {
				Map<String, String> pool = new HashMap<>(plannable);
				pool.putAll(others);
				return pool;
			});
		});
	}

	private PeriodReport compose(ReportPeriod period, ReportScope scope, List<Pairing> pairings, Loaded loaded,
			Map<String, Ledger.PairingMonths> months) {
		Map<String, List<VisitFact>> factsByRequest = new HashMap<>();
		loaded.opened().forEach(request -> factsByRequest.put(request.id(), new ArrayList<>()));
		Map<String, Double> load = new HashMap<>();
		Map<String, FigureTally> byCounty = new HashMap<>();
		pairings.forEach(pairing -> byCounty.put(pairing.countyId(), new FigureTally()));
		FigureTally total = new FigureTally();
		for (VisitFact fact : loaded.facts()) {
			List<VisitFact> ofRequest = factsByRequest.get(fact.requestId());
			if (ofRequest != null) {
				ofRequest.add(fact);
			}
			if (!period.contains(fact.date())) {
				continue;
			}
			if (LOAD.contains(fact.status())) {
				load.merge(fact.expertId(), (double) fact.days(), Double::sum);
			}
			FigureTally county = byCounty.get(fact.countyId());
			if (county != null) {
				county.addVisit(fact);
				total.addVisit(fact);
			}
		}
		for (DemandRequest request : loaded.opened()) {
			FigureTally county = byCounty.get(request.countyId());
			if (county != null) {
				county.addRequest(request, factsByRequest.get(request.id()));
				total.addRequest(request, factsByRequest.get(request.id()));
			}
		}
		List<PeriodReport.PairingRow> rows = new ArrayList<>();
		List<String> visiblePool = new ArrayList<>();
		double cityToCounty = 0;
		double countyToCity = 0;
		for (Pairing pairing : pairings.stream().sorted(Comparator.comparing(Pairing::id)).toList()) {
			List<String> own = loaded.pool().entrySet().stream()
				.filter(expert -> expert.getValue().equals(pairing.parkId()) || expert.getValue().equals(pairing.districtId()))
				.map(Map.Entry::getKey)
				.toList();
			visiblePool.addAll(own);
			Ledger.PairingMonths served = months.getOrDefault(pairing.id(), new Ledger.PairingMonths(0, 0));
			cityToCounty += served.cityToCounty();
			countyToCity += served.countyToCity();
			Figures figures = byCounty.get(pairing.countyId()).figures(fairness(own, load),
					new Figures.CadreMonths(served.cityToCounty(), served.countyToCity()));
			rows.add(new PeriodReport.PairingRow(pairing.id(), pairing.countyId(), pairing.parkId(), pairing.districtId(),
					figures));
		}
		List<String> totalPool = scope.everything() ? List.copyOf(loaded.pool().keySet()) : visiblePool;
		Figures totals = total.figures(fairness(totalPool, load),
				new Figures.CadreMonths(Statistics.round(cityToCounty, 1), Statistics.round(countyToCity, 1)));
		return new PeriodReport(period.label(), period.from(), period.to(), clock.instant(), rows, totals, spread(rows));
	}

	private static Figures.Fairness fairness(List<String> experts, Map<String, Double> load) {
		double[] days = experts.stream().mapToDouble(expert -> load.getOrDefault(expert, 0.0)).toArray();
		int loaded = (int) experts.stream().filter(load::containsKey).count();
		return new Figures.Fairness(Statistics.round(Statistics.gini(days), 4), experts.size(), loaded);
	}

	private static PeriodReport.FillRateSpread spread(List<PeriodReport.PairingRow> rows) {
		List<Double> rates = rows.stream()
			.map(row -> row.figures().demand().seats().fillRate())
			.filter(rate -> rate != null)
			.toList();
		if (rates.isEmpty()) {
			return new PeriodReport.FillRateSpread(0, null, null, null);
		}
		double lowest = rates.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
		double highest = rates.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
		return new PeriodReport.FillRateSpread(rates.size(), lowest, highest, Statistics.round(highest - lowest, 4));
	}

	/** The requests opened in the period, the assignments around it, and the experts whose load is weighed. */
	private record Loaded(List<DemandRequest> opened, List<VisitFact> facts, Map<String, String> pool) {
	}

}
