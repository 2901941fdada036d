package cn.talentexchange.secondment;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import cn.talentexchange.pairing.Pairing;
import cn.talentexchange.pairing.ReferenceData;
import cn.talentexchange.security.Caller;
import cn.talentexchange.web.ApiProblem;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The reciprocity ledger: cadre-months each pairing sent from the city to its county and back, and each
 * organisation pair's exchange, split into planned (nominated, approved), active (active, extended) and
 * completed (completed, or terminated: counted up to the day it ended). Only the part of a placement inside the
 * window counts.
 */
@Component
public class Ledger {

	private static final Period ALL_TIME = new Period(LocalDate.of(1900, 1, 1), LocalDate.of(2999, 12, 31));

	private final Placements placements;

	private final SecondmentReferences organisations;

	private final ReferenceData references;

	Ledger(Placements placements, SecondmentReferences organisations, ReferenceData references) {
		this.placements = placements;
		this.organisations = organisations;
		this.references = references;
	}

	Mono<LedgerView> compute(Caller caller, LocalDate from, LocalDate to) {
		if (from != null && to != null && to.isBefore(from)) {
			return Mono.error(ApiProblem.invalid("to", "must not be before from"));
		}
		Period window = new Period(from == null ? ALL_TIME.start() : from, to == null ? ALL_TIME.end() : to);
		Predicate<String> seesArea = area -> HrScope.seesAll(caller) || caller.organisationIds().contains(area);
		return tally(window, seesArea);
	}

	/**
	 * Cadre-months each pairing's people served inside the dates (inclusive), by pairing id: active and
	 * completed placements (terminated ones up to their end), not the ones still only planned.
	 */
	public Mono<Map<String, PairingMonths>> servedMonthsByPairing(LocalDate from, LocalDate to) {
		return tally(new Period(from, to), area -> true).map(view -> {
			Map<String, PairingMonths> months = new TreeMap<>();
			view.pairings().forEach(pairing -> months.put(pairing.pairingId(),
					new PairingMonths(pairing.cityToCounty().served(), pairing.countyToCity().served())));
			return months;
		});
	}

	private Mono<LedgerView> tally(Period window, Predicate<String> seesArea) {
		return Mono.zip(placements.meeting(window)
			.filter(placement -> seesArea.test(placement.homeAreaId()) || seesArea.test(placement.hostAreaId()))
			.collectList(), organisations.organisations(), references.pairings().collectList())
			.map(loaded -> tally(window, loaded.getT1(), loaded.getT2(), loaded.getT3(), seesArea));
	}

	static LedgerView tally(Period window, List<Secondment> placements, Map<String, SecondmentOrganisation> organisations,
			List<Pairing> pairings, Predicate<String> seesArea) {
		Map<String, Tally[]> byPairing = new TreeMap<>();
		Map<String, Tally> byOrganisationPair = new TreeMap<>();
		for (Pairing pairing : pairings) {
			if (seesArea.test(pairing.countyId()) || seesArea.test(pairing.districtId()) || seesArea.test(pairing.parkId())) {
				byPairing.put(pairing.id(), new Tally[] { new Tally(), new Tally() });
			}
		}
		for (Secondment placement : placements) {
			Period counted = placement.counted() == null ? null : placement.counted().within(window);
			if (counted == null) {
				continue;
			}
			double months = counted.months();
			byOrganisationPair.computeIfAbsent(placement.homeOrganisationId() + ">" + placement.hostOrganisationId(),
					key -> new Tally()).add(placement.status(), months);
			SecondmentOrganisation home = organisations.get(placement.homeOrganisationId());
			Tally[] pairing = placement.pairingId() == null ? null : byPairing.get(placement.pairingId());
			if (pairing != null && home != null) {
				pairing[home.tier() == Tier.CITY ? 0 : 1].add(placement.status(), months);
			}
		}
		Map<String, String> countyOf = new LinkedHashMap<>();
		pairings.forEach(pairing -> countyOf.put(pairing.id(), pairing.countyId()));
		List<PairingLedger> pairingRows = byPairing.entrySet().stream()
			.map(entry -> new PairingLedger(entry.getKey(), countyOf.get(entry.getKey()), entry.getValue()[0].view(),
					entry.getValue()[1].view(), round(entry.getValue()[0].total() - entry.getValue()[1].total())))
			.toList();
		List<OrganisationPairLedger> pairRows = byOrganisationPair.entrySet().stream()
			.map(entry -> {
				String[] ends = entry.getKey().split(">", 2);
				return new OrganisationPairLedger(ends[0], ends[1], entry.getValue().view());
			})
			.sorted(Comparator.comparing(OrganisationPairLedger::homeOrganisationId)
				.thenComparing(OrganisationPairLedger::hostOrganisationId))
			.toList();
		return new LedgerView(window.start().equals(ALL_TIME.start()) ? null : window.start(),
				window.end().equals(ALL_TIME.end()) ? null : window.end(), pairingRows, pairRows);
	}

	private static double round(double months) {
		return Math.round(months * 10) / 10.0;
	}

	/** Months by stage, added up as placements are counted. */
	private static final class Tally {

		private double planned;

		private double active;

		private double completed;

		void add(SecondmentStatus status, double months) {
			switch (status) {
				case NOMINATED, APPROVED -> planned += months;
				case ACTIVE, EXTENDED -> active += months;
				case COMPLETED, TERMINATED -> completed += months;
			}
		}

		double total() {
			return planned + active + completed;
		}

		Months view() {
			return new Months(round(planned), round(active), round(completed), round(total()));
		}

	}

	/** Cadre-months a pairing's city side sent to its county and the county sent back. */
	public record PairingMonths(double cityToCounty, double countyToCity) {
	}

	/** Cadre-months by stage. */
	record Months(double planned, double active, double completed, double total) {

		double served() {
			return round(active + completed);
		}

	}

	/**
	 * @param balance city-to-county minus county-to-city months: positive when the city sent more
	 */
	record PairingLedger(String pairingId, String countyId, Months cityToCounty, Months countyToCity, double balance) {
	}

	record OrganisationPairLedger(String homeOrganisationId, String hostOrganisationId, Months months) {
	}

	/** The window counted ({@code from}/{@code to} null: unbounded), per pairing and per organisation pair. */
	record LedgerView(LocalDate from, LocalDate to, List<PairingLedger> pairings, List<OrganisationPairLedger> organisationPairs) {
	}

}
