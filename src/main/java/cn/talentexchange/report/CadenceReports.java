package cn.talentexchange.report;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
		return Mono.zip(references.pairings().filter(pairing -> scope.sees(pairing.countyId())).collectList(),
				requests.openedBetween(period.start(), period.end())
					.filter(request -> scope.sees(request.countyId()))
					.collectList(),
				visitFacts.visitsBetweenOrOfferedSince(period.from(), period.to(), period.start()).collectList(),
				experts.plannableOrganisations(),
				ledger.pairingMonths(period.from(), period.to()))
			.map(loaded -> compose(period, scope, loaded.getT1(), loaded.getT2(), loaded.getT3(), loaded.getT4(),
					loaded.getT5()));
	}

	private PeriodReport compose(ReportPeriod period, ReportScope scope, List<Pairing> pairings,
			List<DemandRequest> opened, List<VisitFact> facts, Map<String, String> pool,
			Map<String, Ledger.PairingMonths> months) {
		Map<String, List<VisitFact>> factsByRequest = new HashMap<>();
		opened.forEach(request -> factsByRequest.put(request.id(), new ArrayList<>()));
		Map<String, Double> load = new HashMap<>();
		Map<String, FigureTally> byCounty = new HashMap<>();
		pairings.forEach(pairing -> byCounty.put(pairing.countyId(), new FigureTally()));
		FigureTally total = new FigureTally();
		for (VisitFact fact : facts) {
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
		for (DemandRequest request : opened) {
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
			List<String> own = pool.entrySet().stream()
				.filter(expert -> expert.getValue() != null
						&& (expert.getValue().equals(pairing.parkId()) || expert.getValue().equals(pairing.districtId())))
				.map(Map.Entry::getKey)
				.toList();
			visiblePool.addAll(own);
			Ledger.PairingMonths exchanged = months.getOrDefault(pairing.id(), new Ledger.PairingMonths(0, 0));
			cityToCounty += exchanged.cityToCounty();
			countyToCity += exchanged.countyToCity();
			Figures figures = byCounty.get(pairing.countyId()).figures(fairness(own, load),
					new Figures.CadreMonths(exchanged.cityToCounty(), exchanged.countyToCity()));
			rows.add(new PeriodReport.PairingRow(pairing.id(), pairing.countyId(), pairing.parkId(), pairing.districtId(),
					figures));
		}
		Figures totals = total.figures(fairness(scope.everything() ? List.copyOf(pool.keySet()) : visiblePool, load),
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

}
